/**
 * Text saved from Word (or copied out of it) where each table cell is a tab-prefixed line, a blank
 * line ends a table row, and a line without a tab right after a cell continues that cell.
 */
import type { DocItem, GridCell, GridRow } from "../grid";
import { isAppendixTitle } from "../appendix-title";

/** True when the text looks like Word text: several lines that start with a tab. */
export function isWordTabText(lines: readonly string[]): boolean {
  const tabbed = lines.filter((l) => l.startsWith("\t")).length;
  return tabbed >= 6 && tabbed >= lines.filter((l) => l.trim()).length * 0.2;
}

export function readWordText(lines: readonly string[], file: string): DocItem[] {
  const items: DocItem[] = [];
  let row: GridRow | null = null;
  let lastCell: GridCell | null = null;
  const closeRow = () => {
    if (row) items.push(row);
    row = null;
    lastCell = null;
  };
  lines.forEach((line, index) => {
    const at = { file, line: index + 1 };
    if (line.startsWith("\t")) {
      row ??= { kind: "row", cells: [], at };
      lastCell = { lines: [line.slice(1)], at };
      row.cells.push(lastCell);
      return;
    }
    if (!line.trim()) {
      closeRow();
      return;
    }
    if (lastCell && !isAppendixTitle(line.trimStart())) {
      lastCell.lines.push(line);
      return;
    }
    closeRow();
    items.push({ kind: "prose", text: line, at });
  });
  closeRow();
  return items;
}

/**
 * A table pasted from a spreadsheet or a web page: each row one line, its cells separated by tabs
 * ("1\tXây dựng …\tVăn phòng\tQuý II/2026"). True when at least three lines hold tabs and most of them
 * hold the same number (the table's columns).
 */
export function isTabSeparatedTable(lines: readonly string[]): boolean {
  const counts = lines.filter((l) => l.includes("\t") && l.trim()).map((l) => l.split("\t").length);
  if (counts.length < 3) return false;
  const common = Math.max(...[...new Set(counts)].map((n) => counts.filter((c) => c === n).length));
  return common >= counts.length * 0.6 && Math.max(...counts) >= 3;
}

/** Lines of a pasted table: a line with tabs is a row of cells, any other line prose. */
export function readTabSeparated(lines: readonly string[], file: string): DocItem[] {
  return lines.flatMap((line, index): DocItem[] => {
    const at = { file, line: index + 1 };
    if (!line.trim()) return [];
    if (!line.includes("\t")) return [{ kind: "prose", text: line, at }];
    return [{ kind: "row", cells: line.split("\t").map((c) => ({ lines: [c.trim()], at })), at }];
  });
}
