/**
 * The monthly cycle from the command line as a secretariat runs it: every command answers --help,
 * dates and months are taken as clerks write them, no file is overwritten without --force,
 * conflicts are listed and taken with one command, completeness prints a table with totals, and no
 * library message reaches the clerk.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { periodArgument, dateArgument } from "../../src/cli/clerk-arguments";
import { TASKS, columnFor, rowOf, typeValue } from "../fixtures/clerk-edits";
import { edited, fixture } from "../core/merge/merge-harness";

jest.setTimeout(300_000);

const ROOT = join(__dirname, "../..");
const BIN = join(ROOT, "dist-cli/main.mjs");

/** The compiled CLI, as an office runs it. */
async function cli(...argv: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...argv], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, "scripts/build-cli.mjs")]);
}, 120_000);

describe("plan COMMAND --help", () => {
  it.each(["parse", "build", "report", "split", "merge", "conflicts", "undo", "completeness"])(
    "%s --help prints that command's usage with exit 0",
    async (command) => {
      const r = await cli(command, "--help");
      expect(r).toMatchObject({ code: 0, err: "" });
      expect(r.out).toContain(`plan -- ${command} `);
      expect(r.out.split("\n").filter((l) => /^\s{2}npm run/.test(l))).toHaveLength(1);
    },
  );
});

describe("dates and months as clerks write them", () => {
  it.each([
    ["10/2025", "2025-10"],
    ["2025-10", "2025-10"],
    ["T10/2025", "2025-10"],
    ["tháng 3/2026", "2026-03"],
    ["13/2025", null],
    ["2025", null],
  ])("month %s", (text, month) => expect(periodArgument(text)).toBe(month));
  it.each([
    ["14/10/2025", "2025-10-14"],
    ["4/9/2025", "2025-09-04"],
    ["14-10-2025", "2025-10-14"],
    ["2025-10-14", "2025-10-14"],
    ["31/02/2025", null],
    ["10/14/2025", null],
  ])("date %s", (text, date) => expect(dateArgument(text)).toBe(date));
});

describe("the cycle through the CLI", () => {
  let dir: string;
  let master: string;
  let book: string;
  let id: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cycle-cli-"));
    const f = await fixture(5, 10);
    master = join(dir, "tong-hop.xlsx");
    writeFileSync(master, f.masterBytes);
    const unit = [...f.units].sort((a, b) => b.w.meta.taskIds.length - a.w.meta.taskIds.length)[0]!;
    id = unit.w.meta.taskIds[0]!;
    book = join(dir, "don-vi.xlsx");
    writeFileSync(
      book,
      await edited(unit.bytes, (wb) => {
        const ws = wb.getWorksheet(TASKS)!;
        typeValue(ws, rowOf(ws, id), "progress", 100, "percent");
      }),
    );
  });

  it("merge, undo and report never overwrite a file without --force", async () => {
    const out = join(dir, "thang-10.xlsx");
    expect((await cli("merge", master, book, "--out", out, "--period", "10/2026")).code).toBe(0);
    const before = statSync(out).mtimeMs;
    const again = await cli("merge", master, book, "--out", out);
    expect(again.code).toBe(1);
    expect(again.err).toContain("--force");
    expect(statSync(out).mtimeMs).toBe(before);
    const undone = join(dir, "hoan-tac.xlsx");
    writeFileSync(undone, "giữ nguyên");
    const u = await cli("undo", out, "--out", undone);
    expect(u.code).toBe(1);
    expect(readFileSync(undone, "utf8")).toBe("giữ nguyên");
    expect((await cli("undo", out, "--out", undone, "--force")).code).toBe(0);
    const report = join(dir, "bao-cao.xlsx");
    writeFileSync(report, "giữ nguyên");
    const r = await cli("report", out, "--period", "10/2026", "--out", report);
    expect(r.code).toBe(1);
    expect(readFileSync(report, "utf8")).toBe("giữ nguyên");
    expect((await cli("report", out, "--period", "10/2026", "--out", report, "--force")).code).toBe(0);
    expect(existsSync(report)).toBe(true);
  });

  it("completeness prints a table with its header, totals and the units missing; --json too", async () => {
    const out = join(dir, "thang-10-b.xlsx");
    await cli("merge", master, book, "--out", out);
    const t = await cli("completeness", out);
    expect(t.code).toBe(0);
    const lines = t.out.split("\n");
    expect(lines[0]).toContain("10/2026");
    expect(lines[1]).toMatch(/^Đơn vị \/ Unit\s+Phải gửi\s+Đã gửi\s+Đúng hạn\s+Muộn\s+Chưa gửi/);
    expect(t.out).toMatch(/Tổng cộng \/ Total\s+(\d+)\s+1\s/);
    expect(t.out).toContain("Chưa gửi (");
    const j = JSON.parse((await cli("completeness", out, "--period", "2026-10", "--json")).out);
    expect(j.totals.received).toBe(1);
    expect(j.missingUnits.length).toBe(j.totals.missing);
  });

  it("conflicts are listed and the units' values taken with one command", async () => {
    const edited1 = join(dir, "thu-ky-sua.xlsx");
    // The secretariat types 60 into the master after the split, then the unit's 100% arrives.
    writeFileSync(
      edited1,
      await edited(new Uint8Array(readFileSync(master)), (wb) => {
        const ws = wb.getWorksheet(TASKS)!;
        ws.getCell(rowOf(ws, id), columnFor(ws, "progress")).value = 60;
      }),
    );
    const merged = join(dir, "co-xung-dot.xlsx");
    const m = await cli("merge", edited1, book, "--out", merged);
    expect(m.code).toBe(0);
    expect(m.err).toContain("60 ≠ đơn vị 100");
    const list = await cli("conflicts", merged);
    expect(list.out.split("\n")[0]).toBe(
      "Mã\tCột\tĐơn vị\tKỳ\tGiá trị đơn vị\tGiá trị sổ tổng hợp\tĐơn vị gửi lúc\tGiá trị sổ tổng hợp do",
    );
    expect(list.out).toContain(`${id}\tprogress`);
    expect(list.out).toContain("100\t60\t");
    expect(list.out).toContain("Cơ quan thường trực nhập trực tiếp vào sổ");
    const taken = join(dir, "lay-don-vi.xlsx");
    const t = await cli("conflicts", merged, "--take-unit", "--out", taken);
    expect(t.code).toBe(0);
    expect((await cli("conflicts", taken)).out.split("\n").filter(Boolean)).toHaveLength(1);
  });

  it("says what went wrong in words, never a library's message", async () => {
    const damaged = join(dir, "hong.xlsx");
    writeFileSync(damaged, readFileSync(book).subarray(0, 300));
    const ods = join(dir, "bang-tinh.ods");
    writeFileSync(ods, "x");
    const r = await cli(
      "merge",
      master,
      damaged,
      ods,
      join(dir, "khong-co.xlsx"),
      "--out",
      join(dir, "x.xlsx"),
    );
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(/central directory|jszip|ENOENT|stuk\.github/i);
    expect(r.err).toContain("hong.xlsx");
    expect(r.err).toContain("LibreOffice (.ods)");
    expect(r.err).toContain("Không tìm thấy tệp khong-co.xlsx");
    const missingMaster = await cli("completeness", join(dir, "khong-co-so.xlsx"));
    expect(missingMaster.err).not.toContain("ENOENT");
  });
});

describe("split warns about indicators no unit book carries", () => {
  it("names them, so that none is left unreported without a word", async () => {
    const dir = mkdtempSync(join(tmpdir(), "split-ind-"));
    const plan = join(dir, "ke-hoach.txt");
    writeFileSync(
      plan,
      [
        "KẾ HOẠCH",
        "Phụ lục I",
        "CÁC CHỈ TIÊU ĐẾN NĂM 2030",
        "TT\tChỉ tiêu\tĐơn vị\tNăm 2025\tNăm 2030",
        "1\tTỷ lệ hồ sơ trực tuyến\t%\t50\t80",
        "Phụ lục II",
        "DANH MỤC NHIỆM VỤ",
        "TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành",
        "1\tNâng cấp cổng thông tin\tVăn phòng\tQuý IV/2026",
      ].join("\n"),
    );
    const master = join(dir, "so.xlsx");
    expect((await cli("build", plan, "--out", master, "--report-date", "14/10/2026")).code).toBe(0);
    const r = await cli("split", master, "--out-dir", join(dir, "dv"));
    expect(r.code).toBe(0);
    expect(r.err).toContain("Cảnh báo: 1 chỉ tiêu không thuộc sổ đơn vị nào");
  });
});
