// Runs the compiled CLI with the given arguments in this process and prints, on exit, the wall time
// and the peak resident memory of the whole process (for `npm run bench`).
const started = performance.now();
const [bin, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], bin, ...args];
process.on("exit", () => {
  process.stderr.write(
    `\nBENCH ${JSON.stringify({ ms: performance.now() - started, rssMiB: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
});
await import(bin);
