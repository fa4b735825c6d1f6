/**
 * The fuzz run of every reader (fuzz-readers.ts) in a process of its own: mutated .txt, .docx,
 * .xlsx, .csv and .pdf files; only refusals (ProblemError codes) escape, each naming the file when worded, none slower than 10 s.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { FuzzReport } from "./fuzz-readers";

const ROOT = join(__dirname, "../..");

it("only the product's own refusal escapes any reader, on 200 mutations of each file type", () => {
  const r = spawnSync(join(ROOT, "node_modules/.bin/tsx"), [join(__dirname, "fuzz-readers.ts"), "200"], {
    encoding: "utf8",
    timeout: 600_000,
  });
  const m = /FUZZ (\[.*\])/.exec(r.stdout);
  if (r.status !== 0 || !m) throw new Error(`fuzz run failed:\n${r.stderr.slice(-3000)}`);
  const reports = JSON.parse(m[1]!) as FuzzReport[];
  console.log(
    reports
      .map(
        (x) =>
          `${x.type}: ${x.runs} runs, ${x.refused} refused, ${x.read} read, slowest ${x.slowestMs.toFixed(0)} ms`,
      )
      .join("\n"),
  );
  expect(reports.map((x) => x.type).sort()).toEqual([".csv", ".docx", ".pdf", ".txt", ".xlsx"]);
  for (const x of reports) {
    expect(x.refused + x.read).toBe(x.runs);
    expect(x.slowestMs).toBeLessThan(10_000);
  }
});
