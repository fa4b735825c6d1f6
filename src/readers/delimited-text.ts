/**
 * .csv / .tsv text into a grid of cells with csv-parse (quoted multi-line cells, a UTF-8 BOM,
 * ragged rows). Used by the CLI and by the task pane, so nothing here needs Node.
 */
import { parse } from "csv-parse/sync";
import { ImportError } from "../core/import/import-error";

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
    throw new ImportError(
      `Tệp ${file} không đọc được như bảng ${delimiter === "," ? "CSV" : "TSV"}${line ? ` (dòng ${line}: dấu ngoặc kép mở mà không đóng)` : ""}. Hãy mở bằng Excel và lưu lại.`,
      `${file} cannot be read as ${delimiter === "," ? "CSV" : "TSV"}${line ? ` (line ${line}: a quote is never closed)` : ""}.`,
    );
  }
}
