/**
 * The common intermediate form of every table reader: a document is a sequence of prose lines and
 * grid rows (one row of cells, each cell with its printed lines). Word text, pasted ranges, .csv,
 * .xlsx and .docx tables all become this, and build-tables.ts turns it into plan tables.
 */
import type { SourceLocation } from "../model/plan";

export interface GridCell {
  lines: string[];
  at: SourceLocation;
}

export interface GridRow {
  kind: "row";
  cells: GridCell[];
  at: SourceLocation;
}

export interface ProseLine {
  kind: "prose";
  text: string;
  at: SourceLocation;
}

export type DocItem = GridRow | ProseLine;

export function cellText(cell: GridCell | undefined): string {
  return (cell?.lines ?? []).join("\n");
}
