import { runCli } from "./run-cli";

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
