/**
 * Text that `pdftotext` (poppler) extracts from a ruled table without `-layout` prints the table
 * column by column: the row numbers one under another, then the task texts, then the units, and
 * where cells of neighbouring columns share a baseline it runs them together on one line. Which
 * cell belongs to which row is not in such text any more, so no reader can rebuild the table from
 * it reliably; the clerk is told so, and what to give instead (the PDF itself, or `-layout` text).
 * The sign is a run of lines that hold nothing but a row number ("1", "II", "3.", "A"): in text
 * copied from a viewer, or in Word text, a row number is followed by its row's cells.
 */
import type { ImportWarning } from "../../model/plan";
import { mapTaskHeader } from "../column-map";
import { parseHeaderRun } from "./pdf-header";

const ROW_NUMBER_ONLY = /^\s*(?:(\d{1,3})|[IVXL]{1,6}|[A-Z])\.?\s*$/;
/** Row numbers following one another (3, 4, 5), on lines of their own, that no table row gives. */
const RUN = 3;

/**
 * The 1-based line where a column of row numbers printed as a block starts, or null: RUN or more
 * lines in a row (blank lines aside) holding only a row number, the arabic ones counting up by one
 * (section numbers "II", parts "A" may come between). Figures of a column of values (85, 90, 95) do
 * not count up by one.
 */
export function columnBlocksAt(lines: readonly string[]): number | null {
  let run = 0;
  let start = -1;
  let last: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!;
    if (!t.trim()) continue;
    const m = ROW_NUMBER_ONLY.exec(t);
    if (!m) {
      run = 0;
      last = null;
      continue;
    }
    if (m[1] === undefined) continue;
    const n = Number(m[1]);
    if (last === null || n !== last + 1) {
      run = 0;
      start = i;
    }
    last = n;
    if (++run >= RUN) return start + 1;
  }
  return null;
}

const TABLE_HEAD = /^s?tt\b/i;
const LATER_COLUMNS = new Set(["lead", "partners", "output", "deadline"]);

/** The field a line names when the whole line is one column header ("Đơn vị chủ trì"), or null. */
function headerField(text: string): string | null {
  const parsed = parseHeaderRun(text);
  if (!parsed || parsed.columns.length !== 1) return null;
  return mapTaskHeader(parsed.columns[0]!);
}

/**
 * The 1-based line of a later column's header ("Đơn vị chủ trì", "Thời hạn hoàn thành") printed on
 * its own after the table's rows have begun and right after a row's text, or null. In a viewer's
 * copy the header labels come together above the rows (and again as a whole on a new page); in
 * pdftotext's column-by-column text the units' column comes, with its header, after the task texts.
 */
export function misplacedHeaderAt(lines: readonly string[]): number | null {
  let rowsBegun = false;
  let previous: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (!t) continue;
    if (ROW_NUMBER_ONLY.test(t)) rowsBegun = true;
    // A header starts again ("STT Tên chỉ tiêu Đơn vị", then "Kết quả"): no rows under it yet.
    else if (TABLE_HEAD.test(t)) rowsBegun = false;
    // A header label is a few words: longer lines are text, not looked at.
    else if (rowsBegun && t.length <= 40 && previous !== null && !ROW_NUMBER_ONLY.test(previous)) {
      const field = headerField(t);
      if (field && LATER_COLUMNS.has(field) && !parseHeaderRun(previous)) return i + 1;
    }
    previous = t;
  }
  return null;
}

/** A whole line that is one deadline as plans print them ("Quý II/2026", "Tháng 9/2026", "2027"). */
const DEADLINE_ONLY =
  /^\s*(?:(?:quý|quí)\s+(?:[IV]+|\d)|tháng\s+\d{1,2}|năm|hằng\s+(?:năm|quý|tháng)|thường xuyên|\d{1,2}\/\d{1,2})(?:[\s/,.–-]*(?:năm\s+)?(?:19|20)\d{2})?\.?\s*$/iu;

/**
 * The 1-based line where a column of deadlines printed as a block starts, or null: RUN or more
 * lines in a row (blank lines aside) each holding nothing but a deadline. In a viewer's copy a
 * row's deadline is followed by the next row's number or task; in column-by-column text by the next
 * row's deadline. Tables whose rows have no number show no run of row numbers, but this one.
 */
export function deadlineBlockAt(lines: readonly string[]): number | null {
  let run = 0;
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!;
    if (!t.trim()) continue;
    if (!DEADLINE_ONLY.test(t)) {
      run = 0;
      continue;
    }
    if (run === 0) start = i;
    if (++run >= RUN) return start + 1;
  }
  return null;
}

/** Lines enough under a table's header to judge its text by. */
const SAMPLE_LINES = 40;
/**
 * The share of one-word lines over which a table's words are interleaved: justified cells of
 * neighbouring columns that share baselines come out word by word ("Các" / "Phòng" / "chuyên" /
 * "môn Phân công nhiệm vụ của" / "Nhiệm"). Measured on the text of tables that read well — a
 * viewer's copy, Word text, the seeds' own text — one-word lines stay under 0.20 (0.19 at most); on
 * interleaved text that misread seed plans printed by LibreOffice they were 0.32 and 0.48. The bar
 * sits between the two; the corpus test checks that no other rendering of 30 plans is flagged.
 */
const INTERLEAVED_SHARE = 0.25;

/**
 * The 1-based line of a table header ("TT", "STT" on its own or heading a line) under which the
 * table's words come out interleaved, one-word lines (row numbers and list dashes aside) making
 * more than INTERLEAVED_SHARE of its lines; null otherwise.
 */
export function interleavedWordsAt(lines: readonly string[]): number | null {
  const head = lines.findIndex((l) => TABLE_HEAD.test(l.trim()));
  if (head < 0) return null;
  const body = lines
    .slice(head + 1)
    .map((l) => l.trim())
    .filter(Boolean);
  if (body.length < SAMPLE_LINES) return null;
  const single = body.filter((l) => !/\s/.test(l) && !ROW_NUMBER_ONLY.test(l) && !/^[-–•+]$/.test(l));
  return single.length / body.length > INTERLEAVED_SHARE ? head + 1 : null;
}

export function columnBlocksWarning(lines: readonly string[], file: string): ImportWarning | null {
  const line =
    columnBlocksAt(lines) ?? misplacedHeaderAt(lines) ?? deadlineBlockAt(lines) ?? interleavedWordsAt(lines);
  if (line === null) return null;
  return { code: "column-blocks", params: { line }, at: { file, line } };
}
