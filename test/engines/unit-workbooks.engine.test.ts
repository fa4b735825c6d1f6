/**
 * The secretariat's cycle through the compiled CLI: split a master built from each seed, fill every
 * clerk cell of every unit workbook (exceljs, as a clerk's Excel would save it), merge them all back,
 * and every value is in the master exactly; undo restores the master's values. LibreOffice and Gnumeric
 * recalculate the merged and restored masters and a unit workbook as written (0 error cells, 0 differing
 * values). LibreOffice opens every
 * unit workbook without an error cell, and a workbook saved by LibreOffice merges back. Each bad file
 * is refused by name with its own reason, and the good files of the same merge still go in.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { parsePlanText } from "../../src/core/import/parse-plan";
import { CLERK_COLUMNS, TASK_COLUMNS, columnOf } from "../../src/core/sheets/workbook-layout";
import { writeTrackingWorkbook } from "../../src/core/workflows/write-tracking-workbook";
import { XlsxWorkbook } from "../../src/xlsx/xlsx-workbook";
import { excelValue } from "../../src/xlsx/xlsx-workbook";
import { META_SHEET } from "../../src/core/merge/unit-metadata";
import { compareWithRecalc, convert, hasLibreOffice, recalculate } from "./libreoffice";
import { gnumericVerdict } from "./gnumeric";

// Real engines and compiled CLIs: their time depends on the machine, so no test is timed here
// (speed is measured by `npm run bench`); five minutes only stops a hung engine.
jest.setTimeout(300_000);

const ROOT = join(__dirname, "../..");
const BIN = join(ROOT, "dist-cli/main.mjs");
const SEEDS = join(ROOT, "../shared/seeds");
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });

type Filled = Map<string, Record<string, unknown>>;

/** Random clerk values, the same for a task in every unit workbook it is in (seeded by its id). */
function valuesFor(id: string): Record<string, unknown> {
  const seed = [...id].reduce((a, ch) => (a * 31 + ch.charCodeAt(0)) >>> 0, 7);
  const [v] = fc.sample(
    fc.record({
      progress: fc.integer({ min: 0, max: 100 }),
      completed: fc.integer({ min: 0, max: 500 }),
      result: fc.constantFrom(
        "Đã ban hành kế hoạch",
        "=Đã xong bước 1",
        "- Đang triển khai",
        "+ 3 thôn",
        "@ghi chú",
      ),
      difficulties: fc.oneof(fc.constant(null), fc.constantFrom("Thiếu kinh phí.", "Chờ hướng dẫn")),
      updated: fc.integer({ min: 0, max: 500 }),
      proposals: fc.oneof(fc.constant(null), fc.constant("Đề nghị bổ sung kinh phí")),
    }),
    { seed, numRuns: 1 },
  );
  const date = (d: number) => new Date(Date.UTC(2025, 0, 1 + d));
  return { ...v!, completed: date(v!.completed), updated: date(v!.updated) };
}

async function fillUnitWorkbook(path: string, filled: Filled): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet("Nhiệm vụ")!;
  for (let r = 2; r <= ws.rowCount; r++) {
    const id = String(ws.getCell(`${columnOf(TASK_COLUMNS, "id")}${r}`).value ?? "");
    if (!id) continue;
    const values = valuesFor(id);
    filled.set(id, values);
    for (const k of CLERK_COLUMNS.tasks)
      ws.getCell(`${columnOf(TASK_COLUMNS, k)}${r}`).value = values[k] as ExcelJS.CellValue;
  }
  const ind = wb.getWorksheet("Chỉ tiêu");
  if (ind) {
    const header = (ind.getRow(1).values as unknown[]).map(String);
    for (let r = 2; r <= ind.rowCount; r++) {
      const id = String(ind.getRow(r).getCell(header.indexOf("Mã chỉ tiêu")).value ?? "");
      if (!id) continue;
      ind.getRow(r).getCell(header.indexOf("Thực hiện")).value = (id.length * 7) % 100;
      filled.set(`ind:${id}`, { actual: (id.length * 7) % 100 });
    }
  }
  await wb.xlsx.writeFile(path);
}

async function masterFrom(seed: string, dir: string): Promise<string> {
  const plan = parsePlanText(readFileSync(join(SEEDS, seed), "utf8"), { file: seed }).plan;
  const book = new XlsxWorkbook();
  await writeTrackingWorkbook(book, plan, { reportDate: "2025-10-14" });
  const path = join(dir, "tong-hop.xlsx");
  await book.save(path);
  return path;
}

async function taskValues(path: string): Promise<Map<string, Record<string, unknown>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet("Nhiệm vụ")!;
  const out = new Map<string, Record<string, unknown>>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const id = String(ws.getCell(`${columnOf(TASK_COLUMNS, "id")}${r}`).value ?? "");
    if (id)
      out.set(
        id,
        Object.fromEntries(
          CLERK_COLUMNS.tasks.map((k) => [
            k,
            excelValue(ws.getCell(`${columnOf(TASK_COLUMNS, k)}${r}`).value),
          ]),
        ),
      );
  }
  return out;
}

beforeAll(() => {
  if (!hasLibreOffice())
    throw new Error("LibreOffice (soffice) is required: apt-get install libreoffice-calc");
  execFileSync(process.execPath, [join(ROOT, "scripts/build-cli.mjs")]);
}, 60_000);

describe.each(readdirSync(SEEDS).sort())("split, fill, merge and undo: %s", (seed) => {
  it("every value the units typed is in the master exactly, and undo restores the master", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cycle-"));
    const master = await masterFrom(seed, dir);
    const before = await taskValues(master);
    const units = join(dir, "don-vi");
    expect(run("split", master, "--out-dir", units, "--period", "2025-10").status).toBe(0);
    const files = readdirSync(units).map((f) => join(units, f));
    // A plan with stated targets only has no lead units to split for.
    if (!before.size) return expect(files).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
    // A unit workbook as the split wrote it, before a clerk's writer changed it without recalculating.
    const asWritten = join(dir, `as-written-${basename(files[0]!)}`);
    copyFileSync(files[0]!, asWritten);
    const filled: Filled = new Map();
    for (const f of files) await fillUnitWorkbook(f, filled);
    const merged = join(dir, "da-tong-hop.xlsx");
    const r = run("merge", master, ...files, "--out", merged, "--json");
    expect(r.stderr).not.toContain("✗");
    expect(r.status).toBe(0);
    const after = await taskValues(merged);
    const toSerial = (v: unknown) => (v instanceof Date ? excelValue(v) : v);
    for (const [id, values] of filled) {
      if (id.startsWith("ind:")) continue;
      for (const k of CLERK_COLUMNS.tasks)
        expect({ id, k, v: after.get(id)![k] }).toEqual({ id, k, v: toSerial(values[k]) ?? "" });
    }
    const restored = join(dir, "hoan-tac.xlsx");
    expect(run("undo", merged, "--out", restored).status).toBe(0);
    expect(await taskValues(restored)).toEqual(before);
    // The merge and the undo write the master in place, cell by cell: LibreOffice opens both, no error
    // cell, every cached value the one it computes.
    const recalculated = recalculate([merged, restored]);
    for (const [i, f] of [merged, restored].entries()) {
      const c = await compareWithRecalc(f, recalculated[i]!);
      expect({ f: basename(f), errors: c.errors, differences: c.differences.slice(0, 5) }).toEqual({
        f: basename(f),
        errors: [],
        differences: [],
      });
    }
    // And Gnumeric, a second engine: the merged master, the restored one and a unit workbook.
    for (const f of [merged, restored, asWritten])
      expect({ f: basename(f), ...(await gnumericVerdict(f)) }).toEqual({
        f: basename(f),
        errors: [],
        differences: [],
      });
  }, 180_000);
});

describe("unit workbooks in LibreOffice, and bad files", () => {
  const dir = mkdtempSync(join(tmpdir(), "units-"));
  let master = "";
  let units: string[] = [];

  beforeAll(async () => {
    master = await masterFrom("000_7445e7d735843406.txt", dir);
    expect(run("split", master, "--out-dir", join(dir, "dv"), "--period", "2025-10").status).toBe(0);
    units = readdirSync(join(dir, "dv")).map((f) => join(dir, "dv", f));
  }, 60_000);

  it("opens every unit workbook with no error cell; the clerk columns are the only unlocked cells", async () => {
    const recalculated = recalculate(units);
    for (const [i, f] of units.entries()) {
      const r = await compareWithRecalc(f, recalculated[i]!);
      expect({ f: basename(f), errors: r.errors, differences: r.differences }).toEqual({
        f: basename(f),
        errors: [],
        differences: [],
      });
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(units[0]!);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["Hướng dẫn", "visible"],
      ["Nhiệm vụ", "visible"],
      ["Chỉ tiêu", "visible"],
      ["Thiết lập", "visible"],
      [META_SHEET, "veryHidden"],
    ]);
    const ws = wb.getWorksheet("Nhiệm vụ")!;
    expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
    expect(ws.getCell(`${columnOf(TASK_COLUMNS, "progress")}2`).dataValidation).toMatchObject({
      type: "decimal",
      formulae: [0, 100],
    });
    // A second split into the same folder does not overwrite the files sent out.
    const again = run("split", master, "--out-dir", join(dir, "dv"), "--period", "2025-10");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("không ghi đè");
    const unlocked = TASK_COLUMNS.filter(
      (c) => ws.getCell(`${columnOf(TASK_COLUMNS, c.key)}2`).protection?.locked === false,
    ).map((c) => c.key);
    expect(unlocked).toEqual(
      TASK_COLUMNS.filter((c) => (CLERK_COLUMNS.tasks as readonly string[]).includes(c.key)).map(
        (c) => c.key,
      ),
    );
  });

  it("--partners adds a read-only view per partner unit: every cell locked, no error cell, refused by the merge", async () => {
    const out = join(dir, "xem");
    const r = run("split", master, "--out-dir", out, "--period", "2025-10", "--partners");
    expect(r.status).toBe(0);
    const all = readdirSync(out);
    const views = all.filter((f) => f.startsWith("xem-")).map((f) => join(out, f));
    // The unit workbooks are the same as without --partners.
    expect(all.filter((f) => !f.startsWith("xem-")).sort()).toEqual(units.map((u) => basename(u)).sort());
    expect(views.length).toBeGreaterThan(0);
    expect(r.stderr).toContain("bản xem của cơ quan phối hợp");
    const recalculated = recalculate(views);
    for (const [i, f] of views.entries()) {
      const c = await compareWithRecalc(f, recalculated[i]!);
      expect({ f: basename(f), errors: c.errors, differences: c.differences }).toEqual({
        f: basename(f),
        errors: [],
        differences: [],
      });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      const ws = wb.getWorksheet("Nhiệm vụ")!;
      expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
      const unit = JSON.parse(String(wb.getWorksheet(META_SHEET)!.getCell("A2").value)).unitName as string;
      // Every task of the view names the unit among its partners, and no cell is unlocked.
      for (let row = 2; row <= ws.rowCount; row++) {
        expect(String(ws.getCell(`${columnOf(TASK_COLUMNS, "partners")}${row}`).value)).toContain(unit);
        for (const col of TASK_COLUMNS)
          expect(ws.getCell(`${columnOf(TASK_COLUMNS, col.key)}${row}`).protection?.locked).not.toBe(false);
      }
    }
    const merged = run("merge", master, views[0]!, "--out", join(dir, "xem-tong-hop.xlsx"), "--json");
    expect(merged.status).toBe(1);
    expect(JSON.parse(merged.stdout).files[0]).toMatchObject({ status: "refused" });
    expect(JSON.parse(merged.stdout).files[0].reason).toContain("bản xem của cơ quan phối hợp");
  });

  it("a unit workbook saved by LibreOffice merges back", async () => {
    const filled: Filled = new Map();
    const unit = join(dir, "lo-nhap.xlsx");
    copyFileSync(units[0]!, unit);
    await fillUnitWorkbook(unit, filled);
    const [saved] = convert([unit], "xlsx:Calc Office Open XML");
    const r = run("merge", master, saved!, "--out", join(dir, "lo-tong-hop.xlsx"), "--json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ status: "accepted" });
    expect(JSON.parse(r.stdout).files[0].changes).toBeGreaterThan(0);
  });

  it("refuses each bad file with its own reason, and merges the good ones of the same run", async () => {
    const bad = async (name: string, make: (path: string) => Promise<void> | void) => {
      const path = join(dir, name);
      await make(path);
      return path;
    };
    const edit = (from: string, fn: (wb: ExcelJS.Workbook) => void) => async (path: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(from);
      fn(wb);
      await wb.xlsx.writeFile(path);
    };
    const meta = (wb: ExcelJS.Workbook) => {
      const ws = wb.getWorksheet(META_SHEET)!;
      return { ws, json: JSON.parse(String(ws.getCell("A2").value)) };
    };
    const setMeta = (wb: ExcelJS.Workbook, change: (m: Record<string, unknown>) => void) => {
      const { ws, json } = meta(wb);
      change(json);
      ws.getCell("A2").value = JSON.stringify(json);
    };
    const first = units[0]!;
    const cases: [string, string][] = [
      [
        await bad("khong-phai.xlsx", (p) => writeFileSync(p, "đây không phải tệp Excel")),
        "không phải tệp Excel .xlsx",
      ],
      [await bad("hong.xlsx", (p) => writeFileSync(p, readFileSync(first).subarray(0, 400))), "đã hỏng"],
      [
        await bad("mat-khau.xlsx", (p) =>
          writeFileSync(
            p,
            Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
          ),
        ),
        "được đặt mật khẩu",
      ],
      [await bad("cu.xls", (p) => writeFileSync(p, "x")), "định dạng Excel cũ (.xls)"],
      [await bad("macro.xlsm", (p) => writeFileSync(p, "x")), "có macro (.xlsm)"],
      [
        await bad(
          "ke-hoach-khac.xlsx",
          // Another plan: another hash, and tasks of other words under the same ids.
          edit(first, (wb) => {
            setMeta(wb, (m) => (m.planHash = "0000"));
            const ws = wb.getWorksheet("Nhiệm vụ")!;
            for (let r = 2; r <= ws.rowCount; r++)
              ws.getCell(`${columnOf(TASK_COLUMNS, "task")}${r}`).value =
                `Xây dựng cầu treo số ${r} qua suối`;
          }),
        ),
        "kế hoạch khác",
      ],
      [
        await bad(
          "mau-cu.xlsx",
          edit(first, (wb) => setMeta(wb, (m) => (m.layoutVersion = 1))),
        ),
        "mẫu cũ",
      ],
      [
        await bad(
          "don-vi-la.xlsx",
          edit(first, (wb) =>
            setMeta(wb, (m) => ((m.unitKey = "phòng không có"), (m.unitName = "Phòng Không Có"))),
          ),
        ),
        "không có trong sổ tổng hợp",
      ],
      [
        await bad(
          "mat-thong-tin.xlsx",
          edit(first, (wb) => wb.removeWorksheet(wb.getWorksheet(META_SHEET)!.id)),
        ),
        "không còn thông tin nhận dạng",
      ],
      [
        await bad(
          "trung-ma.xlsx",
          edit(first, (wb) => {
            const ws = wb.getWorksheet("Nhiệm vụ")!;
            ws.getCell(`${columnOf(TASK_COLUMNS, "id")}3`).value = ws.getCell(
              `${columnOf(TASK_COLUMNS, "id")}2`,
            ).value;
          }),
        ),
        "lặp lại",
      ],
      [
        await bad(
          "sai-kieu.xlsx",
          edit(first, (wb) => {
            const ws = wb.getWorksheet("Nhiệm vụ")!;
            ws.getCell(`${columnOf(TASK_COLUMNS, "completed")}2`).value = "ngày mai";
            ws.getCell(`${columnOf(TASK_COLUMNS, "progress")}3`).value = 140;
          }),
        ),
        "không đọc được",
      ],
    ];
    for (const [file, reason] of cases) {
      const r = run("merge", master, file, "--out", join(dir, "x.xlsx"), "--json");
      expect({ file: basename(file), status: r.status }).toEqual({ file: basename(file), status: 1 });
      const verdict = JSON.parse(r.stdout).files[0];
      expect({ file: basename(file), status: verdict.status }).toEqual({
        file: basename(file),
        status: "refused",
      });
      expect(verdict.reason).toContain(reason);
      expect(verdict.reason).toContain(basename(file).replace(/\.xls.?$/, ""));
    }
    // The good unit workbooks and three bad ones in one merge: the good ones go in, exit code 1.
    const good: string[] = [];
    for (const [i, u] of units.entries()) {
      const copy = join(dir, `tot-${i}.xlsx`);
      copyFileSync(u, copy);
      await fillUnitWorkbook(copy, new Map());
      good.push(copy);
    }
    const r = run(
      "merge",
      master,
      ...good,
      cases[0]![0],
      cases[5]![0],
      cases[10]![0],
      "--out",
      join(dir, "hon-hop.xlsx"),
      "--json",
    );
    expect(r.status).toBe(1);
    const result = JSON.parse(r.stdout);
    expect(result.files.filter((f: { status: string }) => f.status === "accepted")).toHaveLength(good.length);
    expect(result.files.filter((f: { status: string }) => f.status === "refused")).toHaveLength(3);
    expect(result.applied).toBeGreaterThan(0);
    // The same file sent again for the same period is a resubmission, taken as such: nothing in it
    // differs from what the unit sent, so nothing changes and nothing is a conflict.
    const again = run(
      "merge",
      join(dir, "hon-hop.xlsx"),
      good[0]!,
      "--out",
      join(dir, "lan-2.xlsx"),
      "--json",
    );
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout).files[0]).toMatchObject({
      status: "accepted",
      resubmission: true,
      changes: 0,
      conflicts: [],
    });
    // Undo keeps, and lists, a cell the secretariat changed again after the merge.
    const edited = join(dir, "sua-sau.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "hon-hop.xlsx"));
    wb.getWorksheet("Nhiệm vụ")!.getCell(`${columnOf(TASK_COLUMNS, "result")}2`).value =
      "Sửa tay sau khi tổng hợp";
    await wb.xlsx.writeFile(edited);
    const undo = run("undo", edited, "--out", join(dir, "hoan-tac-2.xlsx"));
    expect(undo.status).toBe(0);
    expect(undo.stderr).toContain("đã sửa sau lần tổng hợp, giữ nguyên");
    const completeness = JSON.parse(
      run("completeness", join(dir, "hon-hop.xlsx"), "--period", "2025-10", "--json").stdout,
    );
    expect(
      completeness.units.every((u: { received: number; expected: number }) => u.received === u.expected),
    ).toBe(true);
  }, 180_000);
});
