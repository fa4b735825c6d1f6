import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { writeWorkbook } from "../../src/xlsx/xlsx-writer";
import { serialToIso } from "../../src/core/excel-dates";
import { sampleSheet } from "../excel/sample-sheet";

describe("exceljs writer", () => {
  it("writes the sheet spec so it reads back with values, dates, formulas and setup", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "kh-")), "plan.xlsx");
    const names = await writeWorkbook(path, [sampleSheet(20), sampleSheet(1, "Nhiệm vụ")]);
    expect(names).toEqual(["Nhiệm vụ", "Nhiệm vụ (2)"]);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const ws = book.getWorksheet("Nhiệm vụ")!;
    expect(ws.getCell("B1").value).toBe("Nội dung nhiệm vụ");
    expect(ws.getCell("B1").font?.bold).toBe(true);
    expect(ws.getCell("A21").value).toBe("PL.I.20");
    // Text that looks like a formula stays text.
    expect(ws.getCell("B2").value).toBe("=Nhiệm vụ bắt đầu bằng dấu bằng");
    expect(ws.getCell("C2").value).toBe("- Phòng Văn hóa – Xã hội");
    // Dates are real dates (serial numbers with a date format), not text.
    const due = ws.getCell("D3");
    expect(due.numFmt).toBe("dd/mm/yyyy");
    const dueValue = due.value;
    const iso =
      dueValue instanceof Date ? dueValue.toISOString().slice(0, 10) : serialToIso(Number(dueValue));
    expect(iso).toBe("2025-12-31");
    // Formulas carry their cached result.
    expect(ws.getCell("F2").value).toEqual({ formula: "KH.TRANGTHAI(D2,E2)", result: "Chưa đến hạn" });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, printTitlesRow: "1:1" });
    expect(ws.autoFilter).toBe("A1:F21");
  });
});
