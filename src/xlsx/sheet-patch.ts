/**
 * Writing a sheet spec into a sheet the exceljs renderer wrote before, by changing only the cells
 * whose value differs (and appending rows): the merge changes a few thousand clerk cells and the
 * cached values of the formulas that read them, and rebuilding a 15,000-row master through exceljs
 * takes seconds where this takes milliseconds. What the renderer laid down stays as it is: styles,
 * validations, highlights, print setup, shared formulas. A patch is only attempted where it gives the
 * same sheet as the renderer would: same header, no row removed, the same formulas, no protection,
 * no formula in an appended row; otherwise `patchSheet` says why not, and the caller renders the
 * sheet anew. Text is written as an inline string, never as a formula.
 */
import {
  NUMBER_FORMATS,
  columnLetter,
  filledDownColumns,
  isFormulaCell,
  type ScalarCell,
  type SheetCell,
  type SheetSpec,
} from "../core/sheets/sheet-spec";
import { scalar } from "./xlsx-writer";
import { attr, cellValue, columnOf, xmlText } from "./xlsx-values";

/** XML text for element content: &, < and > escaped; characters XML 1.0 cannot hold dropped (as exceljs). */
export function xmlEscape(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(NOT_XML, "")
    .replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** Characters XML 1.0 cannot hold. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;
/** Text that needs escaping or cleaning: most cell texts need neither. */
const NEEDS_ESCAPE = new RegExp(`[&<>"]|${NOT_XML.source}`);

/** The XML with the edits made, in order, in one pass (slicing per edit would copy it each time). */
function applyEdits(xml: string, edits: { start: number; end: number; text: string }[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    parts.push(xml.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(xml.slice(at));
  return parts.join("");
}

/**
 * The sheet's ranges outside its data (dimension before it; filter, highlights, validations after)
 * that ended on the old last row, ended on the new one. A sheet whose last row was its first data
 * row has one-column ranges written as one cell ("E2", not "E2:E2"): after the data, those become
 * the column's range, as the renderer writes them for more rows.
 */
function growRanges(xml: string, oldLast: number, newLast: number): string {
  const from = xml.indexOf("<sheetData");
  const to = xml.lastIndexOf("</sheetData>");
  let tail = extendRanges(xml.slice(to), oldLast, newLast);
  if (oldLast === 2)
    tail = tail.replace(
      /\s(sqref|ref)="([^"]*)"/g,
      (_, name: string, value: string) =>
        ` ${name}="${value.replace(/(^|\s)(\$?[A-Z]+)(\$?)2(?![0-9:])/g, `$1$2$32:$2$3${newLast}`)}"`,
    );
  return extendRanges(xml.slice(0, from), oldLast, newLast) + xml.slice(from, to) + tail;
}

/** A workbook's print area of sheet `index` (its defined names) that ended on the old last row, ended on the new one. */
export function extendPrintArea(workbook: string, index: number, oldLast: number, newLast: number): string {
  return workbook.replace(
    new RegExp(`(<definedName\\b[^>]*localSheetId="${index}"[^>]*>)([^<]*)(</definedName>)`, "g"),
    (_, open: string, ref: string, close: string) => `${open}${extendRange(ref, oldLast, newLast)}${close}`,
  );
}

/** The XML of a cell holding a plain value (no formula), keeping its reference and style. */
function valueCell(ref: string, style: string | undefined, value: ScalarCell | Date | number): string {
  const s = style === undefined ? "" : ` s="${style}"`;
  if (value === null || value === "") return `<c r="${ref}"${s}/>`;
  if (typeof value === "number") return `<c r="${ref}"${s}><v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(String(value))}</t></is></c>`;
}

/** A formula cell with a new cached value: its <f> element kept as it is. */
function formulaCell(ref: string, style: string | undefined, f: string, cached: ScalarCell): string {
  const s = style === undefined ? "" : ` s="${style}"`;
  if (typeof cached === "number") return `<c r="${ref}"${s}>${f}<v>${cached}</v></c>`;
  if (typeof cached === "boolean") return `<c r="${ref}"${s} t="b">${f}<v>${cached ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="str">${f}<v>${xmlEscape(String(cached ?? ""))}</v></c>`;
}

interface CellXml {
  /** 0-based column. */
  col: number;
  start: number;
  end: number;
  attrs: string;
  body: string | undefined;
}

interface RowXml {
  r: number;
  start: number;
  end: number;
  open: string;
  cells: CellXml[];
}

const ROW = /<row\b([^>]*?)(\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

function parseRows(xml: string, from: number, to: number): RowXml[] | null {
  const rows: RowXml[] = [];
  ROW.lastIndex = from;
  for (let m = ROW.exec(xml); m && m.index < to; m = ROW.exec(xml)) {
    const r = Number(attr(m[1]!, "r"));
    if (!r) return null;
    const bodyStart = m.index + m[0].length - (m[3] === undefined ? 0 : m[3].length + "</row>".length);
    const cells: CellXml[] = [];
    for (const c of (m[3] ?? "").matchAll(CELL)) {
      const ref = attr(c[1]!, "r");
      if (!ref) return null;
      cells.push({
        col: columnOf(ref),
        start: bodyStart + c.index,
        end: bodyStart + c.index + c[0].length,
        attrs: c[1]!,
        body: c[2],
      });
    }
    rows.push({ r, start: m.index, end: m.index + m[0].length, open: `<row${m[1]}>`, cells });
  }
  return rows;
}

const sameValue = (a: unknown, b: unknown) =>
  a === b || ((a === "" || a === null) && (b === "" || b === null));

/**
 * The sheet's XML with the spec's values in it, or why a patch would not give what the renderer
 * gives (the caller renders the sheet then). `strings`: the package's shared strings.
 */
export function patchSheet(
  xml: string,
  spec: SheetSpec,
  strings: readonly string[],
): { xml: string; oldLastRow: number; newLastRow: number } | { refused: string } {
  const refused = (why: string) => ({ refused: `${spec.name}: ${why}` });
  if (spec.protection || xml.includes("<sheetProtection")) return refused("protected");
  const dataStart = xml.indexOf("<sheetData");
  const dataEnd = xml.indexOf("</sheetData>");
  if (dataStart < 0 || dataEnd < 0) return refused("no sheet data");
  const rows = parseRows(xml, dataStart, dataEnd);
  if (!rows || !rows.length || rows[0]!.r !== 1) return refused("rows without numbers");
  // Same header, in the same columns.
  const header = new Map(rows[0]!.cells.map((c) => [c.col, cellValue(c.attrs, c.body, strings)]));
  if (spec.columns.some((col, i) => header.get(i) !== col.header)) return refused("another header");
  if ([...header.keys()].some((i) => i >= spec.columns.length && header.get(i) !== ""))
    return refused("more columns");
  const existing = rows.slice(1);
  if (existing.some((row, i) => row.r !== i + 2) || existing.length > spec.rows.length)
    return refused("rows removed");
  const addFilter = Boolean(spec.tableName && !existing.length && spec.rows.length);
  if (addFilter && /<autoFilter\b/.test(xml)) return refused("filter of another range");
  const edits: { start: number; end: number; text: string }[] = [];
  const width = spec.columns.length;
  const letters = spec.columns.map((_, c) => columnLetter(c));
  const lastStyles: (string | undefined)[] = [];
  const colStyles = new Map<number, string>();
  for (const m of xml.slice(0, dataStart).matchAll(/<col\b[^>]*>/g)) {
    const [min, max, style] = ["min", "max", "style"].map((a) => attr(m[0], a));
    if (style !== undefined) for (let c = Number(min); c <= Number(max); c++) colStyles.set(c - 1, style);
  }
  for (const [i, row] of existing.entries()) {
    const cells = spec.rows[i]!;
    const height = spec.rowHeights?.[i] ?? null;
    const ht = attr(row.open, "ht");
    let open = row.open;
    if (height && String(height) !== ht)
      open = ht
        ? row.open.replace(/\sht="[^"]*"/, ` ht="${height}"`)
        : row.open.replace(/^<row/, `<row ht="${height}" customHeight="1"`);
    // The row's cells by column (a formula's <f> element is looked up by position, not by pattern).
    const byCol: (CellXml | undefined)[] = new Array<CellXml | undefined>(width);
    for (const cx of row.cells) {
      if (cx.col < width) byCol[cx.col] = cx;
      else if (cx.body) return refused("cells beyond the columns");
    }
    // New text of the cells that change, by column; cells the row did not hold are added.
    const changed = new Map<number, string>();
    let added = false;
    for (let c = 0; c < width; c++) {
      const col = spec.columns[c]!;
      const cell: SheetCell = cells[c] ?? null;
      const at = byCol[c];
      const body = at?.body;
      const fAt = body ? body.indexOf("<f") : -1;
      const styleOf = () => (at ? attr(at.attrs, "s") : colStyles.get(c));
      if (isFormulaCell(cell)) {
        if (!at || !body || fAt < 0) return refused("formula where the sheet has none");
        const close = body.indexOf(">", fAt);
        const selfClosing = body[close - 1] === "/";
        const fEnd = selfClosing ? close + 1 : body.indexOf("</f>", close) + "</f>".length;
        if (close < 0 || fEnd < close) return refused("formula where the sheet has none");
        if (!selfClosing) {
          if (xmlText(body.slice(close + 1, fEnd - "</f>".length)) !== cell.formula.replace(/^=/, ""))
            return refused("another formula");
        } else if (!col.filledDown) return refused("formula not filled down");
        const want = scalar(cell.cached, col.kind) as ScalarCell;
        if (!sameValue(cellValue(at.attrs, body, strings), want ?? ""))
          changed.set(c, formulaCell(`${letters[c]}${row.r}`, styleOf(), body.slice(fAt, fEnd), want));
        continue;
      }
      if (fAt >= 0) return refused("value where the sheet has a formula");
      const value = scalar(cell, col.kind) as ScalarCell;
      const now = at ? cellValue(at.attrs, body, strings) : "";
      if (sameValue(now, value ?? "")) continue;
      changed.set(c, valueCell(`${letters[c]}${row.r}`, styleOf(), value));
      if (!at) added = true;
    }
    if (added) {
      // A cell the row did not hold: the row is written out whole, in column order.
      const all = new Map(row.cells.map((c) => [c.col, xml.slice(c.start, c.end)]));
      for (const [c, text] of changed) all.set(c, text);
      const body = [...all]
        .sort((x, y) => x[0] - y[0])
        .map(([, t]) => t)
        .join("");
      edits.push({ start: row.start, end: row.end, text: `${open.replace(/\/>$/, ">")}${body}</row>` });
    } else {
      if (open !== row.open) edits.push({ start: row.start, end: row.start + row.open.length, text: open });
      for (const [c, text] of changed) edits.push({ start: byCol[c]!.start, end: byCol[c]!.end, text });
    }
    if (i === existing.length - 1)
      spec.columns.forEach(
        (_, c) => (lastStyles[c] = byCol[c] ? attr(byCol[c].attrs, "s") : colStyles.get(c)),
      );
  }
  // Rows beyond those the sheet held: plain values only, styled as the last row (or the column).
  const appended: string[] = [];
  const styles = spec.columns.map((_, c) => lastStyles[c] ?? colStyles.get(c));
  for (let i = existing.length; i < spec.rows.length; i++) {
    const r = i + 2;
    const cells = spec.rows[i]!;
    if (cells.some((c) => isFormulaCell(c ?? null))) return refused("formula in a new row");
    const height = spec.rowHeights?.[i];
    const open = `<row r="${r}"${height ? ` ht="${height}" customHeight="1"` : ""}>`;
    const body = spec.columns
      .map((col, c) =>
        valueCell(
          `${letters[c]}${r}`,
          styles[c],
          scalar((cells[c] ?? null) as ScalarCell, col.kind) as ScalarCell,
        ),
      )
      .join("");
    appended.push(`${open}${body}</row>`);
  }
  let out = applyEdits(xml, edits);
  if (appended.length) {
    const end = out.indexOf("</sheetData>");
    // The filter the renderer gives a table with rows comes right after the sheet data.
    const filter = addFilter
      ? `<autoFilter ref="A1:${columnLetter(spec.columns.length - 1)}${spec.rows.length + 1}"/>`
      : "";
    out =
      out.slice(0, end) +
      appended.join("") +
      "</sheetData>" +
      filter +
      out.slice(end + "</sheetData>".length);
  }
  const oldLastRow = Math.max(existing.length, 1) + 1;
  const newLastRow = Math.max(spec.rows.length, 1) + 1;
  if (newLastRow !== oldLastRow) out = growRanges(out, oldLastRow, newLastRow);
  return { xml: out, oldLastRow, newLastRow };
}

/** A range (or a list of ranges) that ends on the old last row ends on the new one. */
export function extendRange(ranges: string, oldLast: number, newLast: number): string {
  return ranges.replace(new RegExp(`(:\\$?[A-Z]+\\$?)${oldLast}(?![0-9])`, "g"), `$1${newLast}`);
}

/** The ranges of a sheet part (validations, highlights, filter, dimension), extended. */
export function extendRanges(xml: string, oldLast: number, newLast: number): string {
  return xml.replace(
    /\s(sqref|ref)="([^"]*)"/g,
    (m, name: string, value: string) => ` ${name}="${extendRange(value, oldLast, newLast)}"`,
  );
}

/**
 * A sheet the renderer wrote from the spec's first data row only (`firstRowOnly`), with the rest of
 * the spec's rows written after it: what the renderer writes for the whole spec, for a fraction of
 * its work. Each appended cell takes the style of its column's cell in that first row; a filled-down
 * column becomes one shared formula as the renderer makes it; ranges that ended on row 2 (dimension,
 * filter, validations, highlights) end on the last row, and a one-cell validation becomes a column
 * range. Refused where a row would not be styled as the first (a formula in a text column next to a
 * value: the renderer gives formula cells their own number format; cells with a format or rule of
 * their own), or where row 2 is not what the renderer writes.
 */
export function appendRows(
  xml: string,
  spec: SheetSpec,
): { xml: string; lastRow: number } | { refused: string } {
  const refused = (why: string) => ({ refused: `${spec.name}: ${why}` });
  if (spec.rows.length < 2) return { xml, lastRow: Math.max(spec.rows.length, 1) + 1 };
  if (spec.cells?.length) return refused("cells with their own format or rule");
  const dataStart = xml.indexOf("<sheetData");
  const dataEnd = xml.indexOf("</sheetData>");
  if (dataStart < 0 || dataEnd < 0) return refused("no sheet data");
  const rows = parseRows(xml, dataStart, dataEnd);
  if (!rows || rows.length !== 2 || rows[1]!.r !== 2) return refused("not one data row");
  const first = rows[1]!;
  const byCol = new Map(first.cells.map((c) => [c.col, c]));
  const styles = spec.columns.map((_, c) => {
    const at = byCol.get(c);
    return at ? attr(at.attrs, "s") : undefined;
  });
  const formulaIn = spec.columns.map((_, c) => isFormulaCell(spec.rows[0]![c] ?? null));
  for (const [c, col] of spec.columns.entries())
    if (NUMBER_FORMATS[col.kind] === "@")
      for (const row of spec.rows)
        if (isFormulaCell(row[c] ?? null) !== formulaIn[c])
          return refused("formula and value in one text column");
  const last = spec.rows.length + 1;
  const letters = spec.columns.map((_, c) => columnLetter(c));
  // Row 2's formulas of the filled-down columns become the masters of shared formulas.
  const shared = filledDownColumns(spec);
  const si = new Map(shared.map((c, i) => [c, i]));
  const edits: { start: number; end: number; text: string }[] = [];
  for (const c of shared) {
    const at = byCol.get(c);
    const f = at?.body ? /<f>([^<]*)<\/f>/.exec(at.body) : null;
    if (!at || !f) return refused("filled-down formula not in row 2");
    const cell = xml.slice(at.start, at.end);
    const master = `<f t="shared" ref="${letters[c]}2:${letters[c]}${last}" si="${si.get(c)}">${f[1]}</f>`;
    edits.push({ start: at.start, end: at.end, text: cell.replace(f[0], () => master) });
  }
  // The row element as the renderer opens it, but for its number and height.
  const rest = first.open
    .replace(/^<row\b/, "")
    .replace(/>$/, "")
    .replace(/\s(r|ht|customHeight)="[^"]*"/g, "");
  const appended: string[] = [];
  for (let i = 1; i < spec.rows.length; i++) {
    const r = i + 2;
    const cells = spec.rows[i]!;
    const height = spec.rowHeights?.[i];
    let row = `<row r="${r}"${height ? ` ht="${height}" customHeight="1"` : ""}${rest}>`;
    for (let c = 0; c < spec.columns.length; c++) {
      const ref = `${letters[c]}${r}`;
      const cell = cells[c] ?? null;
      const kind = spec.columns[c]!.kind;
      if (!isFormulaCell(cell)) row += valueCell(ref, styles[c], scalar(cell, kind) as ScalarCell);
      else {
        const k = si.get(c);
        const f =
          k === undefined
            ? `<f>${xmlEscape(cell.formula.replace(/^=/, ""))}</f>`
            : `<f t="shared" si="${k}"/>`;
        row += formulaCell(ref, styles[c], f, scalar(cell.cached, kind) as ScalarCell);
      }
    }
    appended.push(`${row}</row>`);
  }
  edits.push({ start: dataEnd, end: dataEnd, text: appended.join("") });
  return { xml: growRanges(applyEdits(xml, edits), 2, last), lastRow: last };
}

/** The spec with its first data row only: what the renderer is given before `appendRows`. */
export function firstRowOnly(spec: SheetSpec): SheetSpec {
  if (spec.rows.length < 2) return spec;
  return { ...spec, rows: spec.rows.slice(0, 1), rowHeights: spec.rowHeights?.slice(0, 1) };
}
