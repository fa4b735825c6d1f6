/**
 * .csv / .tsv text into a grid of cells with csv-parse (quoted multi-line cells, a UTF-8 BOM,
 * ragged rows). Used by the CLI and by the task pane, so nothing here needs Node.
 */
import { parse } from "csv-parse/sync";

export function readDelimited(text: string, delimiter: "," | "\t"): string[][] {
  return parse(text.replace(/^\ufeff/, ""), {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  }) as string[][];
}
