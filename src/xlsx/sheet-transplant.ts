/**
 * Adding a sheet to an .xlsx package without loading the package into exceljs: the sheet is rendered
 * by the one exceljs renderer into a workbook of its own, and its part moved into the package, its
 * styles appended to the package's (cell formats, fonts, fills, borders, number formats, highlight
 * formats: indices shifted), its shared strings written inline, its print names given the sheet's
 * new position. Returns false, changing nothing, where the package's styles are not laid out the way
 * this expects; the caller then takes the slow path.
 */
import type JSZip from "jszip";
import type { SheetSpec } from "../core/sheets/sheet-spec";
import { newWorkbook, renderSheet } from "./xlsx-writer";
import { attr, sharedStrings } from "./xlsx-values";
import { xmlEscape } from "./sheet-patch";
import { openPackage, partText, setPartText } from "./zip-text";

/** An element `<tag …>…</tag>` or `<tag …/>` (the tags read here do not nest in themselves). */
const element = (tag: string, flags = "") =>
  new RegExp(`<${tag}\\b[^>]*?/>|<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`, flags);

/** Every `tag` element in a block, in order. */
const items = (block: string, tag: string) => [...block.matchAll(element(tag, "g"))].map((m) => m[0]);

/** The first `tag` element in XML, with its position. */
function block(xml: string, tag: string): { text: string; start: number; end: number } | null {
  const m = element(tag).exec(xml);
  return m ? { text: m[0], start: m.index, end: m.index + m[0].length } : null;
}

function withItems(tag: string, list: string[]): string {
  return list.length ? `<${tag} count="${list.length}">${list.join("")}</${tag}>` : `<${tag} count="0"/>`;
}

/** Appends the scratch styles to the package's; the index maps for the moved sheet. */
function mergeStyles(
  target: string,
  scratch: string,
): { styles: string; xf: (i: number) => number; dxf: (i: number) => number } | null {
  const t = {
    numFmts: block(target, "numFmts"),
    fonts: block(target, "fonts"),
    fills: block(target, "fills"),
    borders: block(target, "borders"),
    cellXfs: block(target, "cellXfs"),
    dxfs: block(target, "dxfs"),
  };
  if (!t.fonts || !t.fills || !t.borders || !t.cellXfs) return null;
  const s = {
    numFmts: items(block(scratch, "numFmts")?.text ?? "", "numFmt"),
    fonts: items(block(scratch, "fonts")?.text ?? "", "font"),
    fills: items(block(scratch, "fills")?.text ?? "", "fill"),
    borders: items(block(scratch, "borders")?.text ?? "", "border"),
    cellXfs: items(block(scratch, "cellXfs")?.text ?? "", "xf"),
    dxfs: items(block(scratch, "dxfs")?.text ?? "", "dxf"),
  };
  const own = {
    numFmts: items(t.numFmts?.text ?? "", "numFmt"),
    fonts: items(t.fonts.text, "font"),
    fills: items(t.fills.text, "fill"),
    borders: items(t.borders.text, "border"),
    cellXfs: items(t.cellXfs.text, "xf"),
    dxfs: items(t.dxfs?.text ?? "", "dxf"),
  };
  // Number formats: the package's own id for a format code it has, a new id otherwise.
  const codeOf = (f: string) => attr(f, "formatCode") ?? "";
  const ids = new Map(own.numFmts.map((f) => [codeOf(f), Number(attr(f, "numFmtId"))]));
  let next = Math.max(163, ...ids.values()) + 1;
  const numFmtMap = new Map<number, number>();
  const addedFmts: string[] = [];
  for (const f of s.numFmts) {
    const code = codeOf(f);
    let id = ids.get(code);
    if (id === undefined) {
      id = next++;
      ids.set(code, id);
      addedFmts.push(f.replace(/numFmtId="\d+"/, `numFmtId="${id}"`));
    }
    numFmtMap.set(Number(attr(f, "numFmtId")), id);
  }
  const shift = (xf: string, name: string, by: number) =>
    xf.replace(new RegExp(`\\s${name}="(\\d+)"`), (_, n: string) => ` ${name}="${Number(n) + by}"`);
  const xfs = s.cellXfs.map((xf) => {
    let out = shift(
      shift(shift(xf, "fontId", own.fonts.length), "fillId", own.fills.length),
      "borderId",
      own.borders.length,
    );
    out = out.replace(/\snumFmtId="(\d+)"/, (_, n: string) => ` numFmtId="${numFmtMap.get(Number(n)) ?? n}"`);
    return out.replace(/\sxfId="\d+"/, ' xfId="0"');
  });
  const replace: { start: number; end: number; text: string }[] = [
    { ...t.fonts, text: withItems("fonts", [...own.fonts, ...s.fonts]) },
    { ...t.fills, text: withItems("fills", [...own.fills, ...s.fills]) },
    { ...t.borders, text: withItems("borders", [...own.borders, ...s.borders]) },
    { ...t.cellXfs, text: withItems("cellXfs", [...own.cellXfs, ...xfs]) },
  ];
  if (addedFmts.length) {
    const text = withItems("numFmts", [...own.numFmts, ...addedFmts]);
    replace.push(t.numFmts ? { ...t.numFmts, text } : { start: t.fonts.start, end: t.fonts.start, text });
  }
  if (s.dxfs.length) {
    const text = withItems("dxfs", [...own.dxfs, ...s.dxfs]);
    if (t.dxfs) replace.push({ ...t.dxfs, text });
    else {
      const after = block(target, "cellStyles") ?? t.cellXfs;
      replace.push({ start: after.end, end: after.end, text });
    }
  }
  let styles = target;
  for (const r of replace.sort((a, b) => b.start - a.start))
    styles = styles.slice(0, r.start) + r.text + styles.slice(r.end);
  const xfOffset = own.cellXfs.length;
  const dxfOffset = own.dxfs.length;
  return { styles, xf: (i) => i + xfOffset, dxf: (i) => i + dxfOffset };
}

/**
 * Renders the spec as a new sheet named `name` at the end of the package. False when it cannot be
 * done without loading the package into exceljs.
 */
export async function addRenderedSheet(zip: JSZip, name: string, spec: SheetSpec): Promise<boolean> {
  const scratchBook = newWorkbook();
  renderSheet(scratchBook.addWorksheet(name), { ...spec, name });
  const scratch = await openPackage((await scratchBook.xlsx.writeBuffer()) as ArrayBuffer);
  if (Object.keys(scratch.files).some((f) => f.startsWith("xl/worksheets/_rels/"))) return false;
  const [sheetXml, scratchStyles, scratchBookXml, styles, workbook, rels, types] = await Promise.all([
    partText(scratch, "xl/worksheets/sheet1.xml"),
    partText(scratch, "xl/styles.xml"),
    partText(scratch, "xl/workbook.xml"),
    partText(zip, "xl/styles.xml"),
    partText(zip, "xl/workbook.xml"),
    partText(zip, "xl/_rels/workbook.xml.rels"),
    partText(zip, "[Content_Types].xml"),
  ]);
  if (!sheetXml || !scratchStyles || !scratchBookXml) return false;
  if (!styles || !workbook || !rels || !types || !workbook.includes("</sheets>")) return false;
  const merged = mergeStyles(styles, scratchStyles);
  if (!merged) return false;
  const strings = await sharedStrings(scratch);
  const sheet = sheetXml
    .replace(
      /(<c\b[^>]*?)\st="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
      (_, open: string, rest: string, i: string) =>
        `${open}${rest} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(strings[Number(i)] ?? "")}</t></is></c>`,
    )
    .replace(
      /(<(?:c|row)\b[^>]*?\ss=")(\d+)"/g,
      (_, open: string, n: string) => `${open}${merged.xf(Number(n))}"`,
    )
    .replace(
      /(<col\b[^>]*?\sstyle=")(\d+)"/g,
      (_, open: string, n: string) => `${open}${merged.xf(Number(n))}"`,
    )
    .replace(/(\sdxfId=")(\d+)"/g, (_, open: string, n: string) => `${open}${merged.dxf(Number(n))}"`);
  // The new part, its relationship, its content type and its place in the workbook.
  let n = 1;
  while (zip.file(`xl/worksheets/sheet${n}.xml`)) n++;
  const path = `xl/worksheets/sheet${n}.xml`;
  const relIds = [...rels.matchAll(/\sId="rId(\d+)"/g)].map((m) => Number(m[1]));
  const rid = `rId${Math.max(0, ...relIds) + 1}`;
  const sheetIds = [...workbook.matchAll(/<sheet\b[^>]*\ssheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const index = sheetIds.length;
  const state = spec.state ? ` state="${spec.state}"` : "";
  let book = workbook.replace(
    "</sheets>",
    `<sheet name="${xmlEscape(name)}" sheetId="${Math.max(0, ...sheetIds) + 1}"${state} r:id="${rid}"/></sheets>`,
  );
  const names = items(block(scratchBookXml, "definedNames")?.text ?? "", "definedName").map((d) =>
    d.replace(/\slocalSheetId="\d+"/, ` localSheetId="${index}"`),
  );
  if (names.length)
    book = book.includes("</definedNames>")
      ? book.replace("</definedNames>", `${names.join("")}</definedNames>`)
      : book.replace("</sheets>", `</sheets><definedNames>${names.join("")}</definedNames>`);
  setPartText(zip, path, sheet);
  setPartText(zip, "xl/styles.xml", merged.styles);
  setPartText(zip, "xl/workbook.xml", book);
  setPartText(
    zip,
    "xl/_rels/workbook.xml.rels",
    rels.replace(
      "</Relationships>",
      `<Relationship Id="${rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/></Relationships>`,
    ),
  );
  setPartText(
    zip,
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override PartName="/${path}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
  );
  return true;
}
