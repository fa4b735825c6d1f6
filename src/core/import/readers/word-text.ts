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
