/**
 * .docx files: the document body in order — paragraphs become prose lines, tables become grid rows
 * (a cell's paragraphs are its lines; a horizontally merged cell fills its first grid column and
 * leaves the others blank; a vertically merged continuation cell is blank).
 */
import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";
import type { DocItem, GridCell, GridRow } from "../core/import/grid";
import { checkCellLength } from "./input-limits";
import { checkZip } from "./zip-limits";
import { refuse } from "../core/problem";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

function children(el: XmlElement, local?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (!local || (n as XmlElement).localName === local)) out.push(n as XmlElement);
  return out;
}

/** Text of a paragraph: runs, tabs as spaces, line breaks as new lines. */
function paragraphLines(p: XmlElement): string[] {
  let text = "";
  const walk = (el: XmlElement) => {
    for (const c of children(el)) {
      const name = c.localName;
      if (name === "t") text += c.textContent ?? "";
      else if (name === "tab") text += " ";
      else if (name === "br" || name === "cr") text += "\n";
      else if (name === "del" || name === "instrText") continue;
      else walk(c);
    }
  };
  walk(p);
  return text.split("\n");
}

function cellLines(tc: XmlElement): string[] {
  const lines: string[] = [];
  const walk = (el: XmlElement) => {
    for (const c of children(el)) {
      if (c.localName === "p") lines.push(...paragraphLines(c));
      else if (c.localName === "tbl")
        for (const tr of children(c, "tr")) for (const inner of children(tr, "tc")) walk(inner);
      else if (c.localName !== "tcPr") walk(c);
    }
  };
  walk(tc);
  return lines;
}

function attr(el: XmlElement | undefined, local: string): string | null {
  if (!el) return null;
  return el.getAttributeNS(W, local) ?? el.getAttribute(`w:${local}`);
}

export async function readDocx(bytes: Uint8Array, file: string): Promise<DocItem[]> {
  let xml: string;
  // The limits first (a zip bomb is refused before it is inflated), in the pane and the CLI alike.
  const zip = await checkZip(bytes, file);
  try {
    const doc = zip.file("word/document.xml");
    if (!doc) throw new Error("no word/document.xml");
    xml = await doc.async("string");
  } catch {
    throw refuse("docx-damaged", { file }, { file });
  }
  let root: XmlElement;
  try {
    // A damaged document.xml is refused whole, not read in part.
    const parser = new DOMParser({
      onError: (level: string, message: string) => {
        if (level !== "warning") throw new Error(message);
      },
    });
    root = parser.parseFromString(xml, "text/xml").documentElement as unknown as XmlElement;
    if (!root) throw new Error("no document element");
  } catch (error) {
    throw refuse(
      "docx-text-unreadable",
      { file, detail: (error as Error).message.split("\n")[0]! },
      { file },
    );
  }
  const body = children(root, "body")[0];
  if (!body) return [];
  const items: DocItem[] = [];
  let paragraph = 0;
  let table = 0;
  for (const el of children(body)) {
    if (el.localName === "p") {
      paragraph++;
      for (const line of paragraphLines(el))
        items.push({ kind: "prose", text: line, at: { file, line: paragraph } });
    } else if (el.localName === "tbl") {
      table++;
      children(el, "tr").forEach((tr, r) => {
        const cells: GridCell[] = [];
        for (const tc of children(tr, "tc")) {
          const pr = children(tc, "tcPr")[0];
          const span = Number(attr(pr ? children(pr, "gridSpan")[0] : undefined, "val") ?? 1) || 1;
          const vMerge = pr ? children(pr, "vMerge")[0] : undefined;
          const continued = vMerge !== undefined && attr(vMerge, "val") !== "restart";
          const at = { file, cell: `bảng ${table}, dòng ${r + 1}, ô ${cells.length + 1}` };
          const lines = continued ? [] : cellLines(tc);
          checkCellLength(lines.join("\n"), file, { file, table, row: r + 1, cell: `${cells.length + 1}` });
          cells.push({ lines, at });
          for (let k = 1; k < span; k++) cells.push({ lines: [], at });
        }
        const row: GridRow = { kind: "row", cells, at: { file, cell: `bảng ${table}, dòng ${r + 1}` } };
        items.push(row);
      });
    }
  }
  return items;
}
