/**
 * The exceljs renderer of sheet specs, used headless (CLI). It writes the same sheets the Office.js
 * adapter writes: formats, hidden helper columns, widths, row heights, validations, colours (same
 * priorities), the print area, repeated header, A4 and page numbers; formulas with their values cached.
 */
import ExcelJS from "exceljs";
import { isoToSerial } from "../core/excel-dates";
import {
  NUMBER_FORMATS,
  blockAddress,
  cellKind,
  cellRuleAddress,
  columnDataAddress,
  columnLetter,
  filledDownColumns,
  highlightFormula,
  isFormulaCell,
  type ScalarCell,
  type SheetSpec,
  type ValidationRule,
} from "../core/sheets/sheet-spec";
import { PAGE_MARGINS_INCHES, PAGE_NUMBER_FOOTER } from "../core/sheets/print-setup";
import { headerHeight } from "../core/sheets/row-heights";

const HEADER_FILL = "FFDDEBF7";

export function scalar(cell: ScalarCell, kind: string): ExcelJS.CellValue {
  if (cell === null || cell === "") return null;
  if (kind === "date" && typeof cell === "string") return isoToSerial(cell) ?? cell;
  return cell;
}

function formulaResult(cell: ScalarCell, kind: string): number | string | boolean {
  const v = scalar(cell, kind);
  return v === null ? "" : (v as number | string | boolean);
}

function dateValidation(common: object): ExcelJS.DataValidation {
  return { ...common, type: "date", operator: "greaterThan", formulae: [new Date(Date.UTC(1900, 0, 1))] };
}

/** Renders one spec into a worksheet (new, or an existing one whose cells it overwrites in place). */
export function renderSheet(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  ws.views = spec.freezeHeader ? [{ state: "frozen", ySplit: 1 }] : [];
  const printColumns = spec.print.columns ?? spec.columns.length;
  const lastRow = Math.max(spec.rows.length, 1) + 1;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: spec.print.orientation,
    printTitlesRow: spec.print.repeatHeader ? "1:1" : undefined,
    // exceljs puts "$" before each part ("A$1" -> "$A$1"); LibreOffice ignores a print area whose rows
    // are not absolute, so the rows carry their "$" here.
    printArea: blockAddress(0, 0, lastRow, printColumns).replace(/(\d+)/g, "$$$1"),
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: PAGE_MARGINS_INCHES,
  };
  ws.headerFooter = { oddFooter: PAGE_NUMBER_FOOTER };
  spec.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.key = c.key;
    column.width = c.width;
    column.hidden = Boolean(c.hidden);
    column.style = {
      numFmt: NUMBER_FORMATS[c.kind],
      alignment: c.wrap ? { wrapText: true, vertical: "top" } : { vertical: "top" },
    };
  });
  // In place: what the sheet held below the header goes, the spec holds all of it (merged).
  ws.eachRow((row, r) => {
    if (r > 1) row.eachCell((cell) => (cell.value = null));
  });
  const header = ws.getRow(1);
  header.height = headerHeight(spec);
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    cell.alignment = { wrapText: true, vertical: "middle" };
    cell.numFmt = "@";
  });
  // A column of one formula filled down is stored once, as an Excel shared formula: the file stays
  // small and quick to write (the tracking formulas run to kilobytes each).
  const shared = new Map(filledDownColumns(spec).map((c) => [c, `${columnLetter(c)}2`] as const));
  spec.rows.forEach((row, r) => {
    const xrow = ws.getRow(r + 2);
    const height = spec.rowHeights?.[r];
    if (height) xrow.height = height;
    spec.columns.forEach((col, c) => {
      const cell = row[c] ?? null;
      const target = xrow.getCell(c + 1);
      const master = shared.get(c);
      const kind = cellKind(spec, r, c);
      if (isFormulaCell(cell) && master && r > 0)
        target.value = {
          sharedFormula: master,
          result: formulaResult(cell.cached, col.kind),
        } as ExcelJS.CellValue;
      else if (isFormulaCell(cell) && master)
        target.value = {
          formula: cell.formula.replace(/^=/, ""),
          result: formulaResult(cell.cached, col.kind),
          shareType: "shared",
          ref: `${master}:${columnLetter(c)}${spec.rows.length + 1}`,
        } as ExcelJS.CellValue;
      else if (isFormulaCell(cell))
        target.value = {
          formula: cell.formula.replace(/^=/, ""),
          result: formulaResult(cell.cached, kind),
        };
      else target.value = scalar(cell, kind);
      if (kind !== col.kind) target.numFmt = NUMBER_FORMATS[kind];
      // A formula never sits in a Text-formatted cell (Excel would keep it as text).
      if (isFormulaCell(cell) && NUMBER_FORMATS[col.kind] === "@") target.numFmt = NUMBER_FORMATS.formula;
    });
  });
  if (spec.tableName && spec.rows.length > 0)
    ws.autoFilter = blockAddress(0, 0, spec.rows.length + 1, spec.columns.length);
  // exceljs has worksheet-level validations (one rule per range) but its typings only show the per-cell ones.
  const validations = (
    ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  const addValidation = (address: string, rule: ValidationRule, message: string) => {
    const common = {
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: "Giá trị không hợp lệ",
      error: message,
    };
    if (rule.kind === "whole" || rule.kind === "decimal")
      validations.add(address, {
        ...common,
        type: rule.kind,
        operator: "between",
        formulae: [rule.min, rule.max],
      });
    else if (rule.kind === "date") validations.add(address, dateValidation(common));
    else validations.add(address, { ...common, type: "list", formulae: [`"${rule.values.join(",")}"`] });
  };
  for (const v of spec.validations ?? []) {
    const address = columnDataAddress(spec, v.column);
    if (address) addValidation(address, v.rule, v.message);
  }
  for (const cell of spec.cells ?? []) {
    const address = cellRuleAddress(spec, cell);
    if (address && cell.validation) addValidation(address, cell.validation.rule, cell.validation.message);
  }
  const data = blockAddress(1, 0, Math.max(spec.rows.length, 1), spec.columns.length);
  // Priority 1 is the first highlight of the spec: the Office.js adapter gives the same order.
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
  if (spec.state) ws.state = spec.state;
  if (spec.protection) {
    const unlocked = spec.protection.unlocked
      .map((k) => spec.columns.findIndex((c) => c.key === k))
      .filter((i) => i >= 0);
    for (let r = 0; r < spec.rows.length; r++)
      for (const c of unlocked) ws.getRow(r + 2).getCell(c + 1).protection = { locked: false };
    // No password: a guard against slips, not a security boundary. The promise does its work at once.
    void ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      autoFilter: true,
      sort: true,
    });
  }
  const formats = (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
  (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings = formats.filter(
    (f) => f.ref !== data,
  );
  if (rules.length) ws.addConditionalFormatting({ ref: data, rules });
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Theo dõi Kế hoạch";
  // Excel recalculates on open, so every value reflects the settings of the day it is opened with.
  workbook.calcProperties = { fullCalcOnLoad: true };
  return workbook;
}
