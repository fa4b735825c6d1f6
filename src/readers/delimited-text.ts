/**
 * .csv / .tsv text into a grid of cells with csv-parse (quoted multi-line cells, a UTF-8 BOM,
 * ragged rows). Used by the CLI and by the task pane, so nothing here needs Node.
 */
import { parse } from "csv-parse/sync";
import { refuse } from "../core/problem";

/** The cells; a malformed file (a quote never closed) is refused by name, with the line. */
export function readDelimited(text: string, delimiter: "," | "\t", file = "tệp"): string[][] {
  try {
    return parse(text.replace(/^\ufeff/, ""), {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const format = delimiter === "," ? "CSV" : "TSV";
    throw line
      ? refuse("csv-open-quote", { file, format, line }, { file, line })
      : refuse("csv-unreadable", { file, format }, { file });
  }
}
