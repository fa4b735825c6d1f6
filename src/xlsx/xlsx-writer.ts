/**
 * The exceljs renderer of sheet specs, used by the headless CLI. It writes the same sheets the
 * Office.js adapter writes, so a workbook built without Excel looks like one built in Excel.
 */
import ExcelJS from "exceljs";
import { isoToSerial } from "../core/excel-dates";
import {
  NUMBER_FORMATS,
  blockAddress,
  columnDataAddress,
  highlightFormula,
  isFormulaCell,
  type ScalarCell,
  type SheetSpec,
} from "../core/sheets/sheet-spec";
import { uniqueSheetName } from "../core/sheets/sheet-names";

const HEADER_FILL = "FFDDEBF7";

function scalar(cell: ScalarCell, kind: string): ExcelJS.CellValue {
  if (cell === null) return null;
  if (kind === "date" && typeof cell === "string") return isoToSerial(cell) ?? cell;
  return cell;
}

function formulaResult(cell: ScalarCell, kind: string): number | string | boolean | undefined {
  const v = scalar(cell, kind);
  return v === null ? undefined : (v as number | string | boolean);
}

/** Adds one worksheet per spec to the workbook; returns the names used. */
export function addSheets(workbook: ExcelJS.Workbook, specs: readonly SheetSpec[]): string[] {
  const taken = workbook.worksheets.map((w) => w.name);
  return specs.map((spec) => {
    const name = uniqueSheetName(spec.name, taken);
    taken.push(name);
    const ws = workbook.addWorksheet(name, {
      views: spec.freezeHeader ? [{ state: "frozen", ySplit: 1 }] : [],
      pageSetup: {
        paperSize: 9, // A4
        orientation: spec.print.orientation,
        printTitlesRow: spec.print.repeatHeader ? "1:1" : undefined,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      },
    });
    ws.columns = spec.columns.map((c) => ({
      key: c.key,
      width: c.width,
      style: {
        numFmt: NUMBER_FORMATS[c.kind],
        alignment: c.wrap ? { wrapText: true, vertical: "top" } : { vertical: "top" },
      },
    }));
    const header = ws.getRow(1);
    spec.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
      cell.alignment = { wrapText: true, vertical: "middle" };
    });
    spec.rows.forEach((row, r) => {
      const xrow = ws.getRow(r + 2);
      spec.columns.forEach((col, c) => {
        const cell = row[c] ?? null;
        const target = xrow.getCell(c + 1);
        target.value = isFormulaCell(cell)
          ? { formula: cell.formula.replace(/^=/, ""), result: formulaResult(cell.cached, col.kind) }
          : scalar(cell, col.kind);
      });
    });
    if (spec.tableName && spec.rows.length > 0) {
      ws.autoFilter = blockAddress(0, 0, spec.rows.length + 1, spec.columns.length);
    }
    // exceljs has worksheet-level validations (one rule per range) but its typings only show the per-cell ones.
    const validations = (
      ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations;
    for (const v of spec.validations ?? []) {
      const address = columnDataAddress(spec, v.column);
      if (!address) continue;
      const common = {
        allowBlank: true,
        showErrorMessage: true,
        errorTitle: "Giá trị không hợp lệ",
        error: v.message,
      };
      if (v.rule.kind === "whole")
        validations.add(address, {
          ...common,
          type: "whole",
          operator: "between",
          formulae: [v.rule.min, v.rule.max],
        });
      else if (v.rule.kind === "date")
        validations.add(address, {
          ...common,
          type: "date",
          operator: "greaterThan",
          formulae: [new Date(Date.UTC(1900, 0, 1))],
        });
      else validations.add(address, { ...common, type: "list", formulae: [`"${v.rule.values.join(",")}"`] });
    }
    const data = blockAddress(1, 0, Math.max(spec.rows.length, 1), spec.columns.length);
    const rules = (spec.highlights ?? []).flatMap((h, i) => {
      const formula = highlightFormula(spec, h);
      if (!formula) return [];
      const argb = `FF${h.fill.replace("#", "").toUpperCase()}`;
      return [
        {
          type: "expression" as const,
          priority: i + 1,
          formulae: [formula.slice(1)],
          style: { fill: { type: "pattern" as const, pattern: "solid" as const, bgColor: { argb } } },
        },
      ];
    });
    if (rules.length) ws.addConditionalFormatting({ ref: data, rules });
    return name;
  });
}

export async function writeWorkbook(path: string, specs: readonly SheetSpec[]): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Theo dõi Kế hoạch";
  const names = addSheets(workbook, specs);
  await workbook.xlsx.writeFile(path);
  return names;
}
