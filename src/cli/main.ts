import { runCli } from "./run-cli";

// Output piped into a command that stops reading (`plan parse … | head`): stop quietly, as other
// command-line tools do, instead of dying on an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Lỗi / error: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
