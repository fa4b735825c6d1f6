/**
 * The words for the core's problem codes (src/core/problem.ts), in Vietnamese and English: one
 * catalogue for the pane, the web app and the CLI, so that all three say the same thing. A
 * parameter the core left empty takes the catalogue's word for it ("Sổ đã chọn" for no file name).
 */
import { isProblemError, type Problem, type ProblemCode, type ProblemLocation } from "../core/problem";

export type MessageLanguage = "vi" | "en";

const MESSAGES: Record<ProblemCode, Record<MessageLanguage, string>> = {
  "text-legacy-encoding": {
    vi: "Tệp {file} được gõ bằng bảng mã cũ {encoding} (ví dụ “{sample}”), không phải Unicode. Hãy chuyển sang Unicode (Unikey: Công cụ chuyển mã, từ {encoding} sang Unicode) rồi nhập lại.",
    en: '{file} is typed in the legacy {encoding} encoding (e.g. "{sample}"), not Unicode. Convert it to Unicode and import again.',
  },
  "text-mixed-legacy-encoding": {
    vi: "Tệp {file}, dòng {line}: chữ gõ bằng bảng mã cũ {encoding} (ví dụ “{sample}”) lẫn trong văn bản Unicode. Hãy chuyển đoạn đó sang Unicode (Unikey: Công cụ chuyển mã) rồi nhập lại.",
    en: '{file}, line {line}: text in the legacy {encoding} encoding (e.g. "{sample}") mixed into Unicode text. Convert it and import again.',
  },
  "report-no-task-sheet": {
    vi: '{file} không có trang "{sheet}" của sổ theo dõi (lập sổ bằng "Nhập kế hoạch" hoặc lệnh plan build trước khi lập báo cáo).',
    en: '{file} has no "{sheet}" tracking sheet (build the tracking workbook first).',
  },
  "report-no-period": {
    vi: "Không có kỳ báo cáo {kind} nào chứa tháng {period} (kỳ 9 tháng kết thúc vào tháng 9; tháng ghi dạng YYYY-MM).",
    en: "No {kind} reporting period holds the month {period} (the nine-month period ends in September; months as YYYY-MM).",
  },
  "report-before-plan-year": {
    vi: "Kỳ {label} ({start} – {end}) nằm trước năm kế hoạch {planYear}.",
    en: "The period {label} ({start} – {end}) lies before the plan year {planYear}.",
  },
  "report-unknown-unit": {
    vi: 'Không có cơ quan chủ trì "{unit}" trong sổ. Các cơ quan có trong sổ: {units}.',
    en: 'No lead unit "{unit}" in the workbook. Known units: {units}.',
  },
  "merge-unit-workbook-as-master": {
    vi: "{file} là sổ của một đơn vị (sổ đã tách), không phải sổ tổng hợp: hãy chọn sổ tổng hợp của cơ quan thường trực làm sổ chính, các sổ đơn vị làm tệp gửi lại.",
    en: "{file} is a unit's workbook (split from the master), not the master: give the secretariat's master as the workbook and the unit workbooks as the returned files.",
  },
  "merge-no-period": {
    vi: "Không biết kỳ báo cáo: sổ không có ngày báo cáo; hãy ghi kỳ dạng MM/YYYY (nhận: {period}).",
    en: "No reporting period: the workbook has no report date; give the period as MM/YYYY (got {period}).",
  },
  "impossible-date": {
    vi: 'Nhiệm vụ TT {no}: thời hạn "{deadline}" không có trên lịch; chưa xác định được hạn.',
    en: 'Task no. {no}: deadline "{deadline}" is not a real date; no due date set.',
  },
  "targets-from-prose": {
    vi: "{count} chỉ tiêu được đọc từ các câu nêu mục tiêu (văn bản không có đề mục “Mục tiêu” hay “Chỉ tiêu”); hãy đối chiếu từng chỉ tiêu trong bản xem trước.",
    en: '{count} target(s) were read from sentences that state objectives (the text has no "Mục tiêu" or "Chỉ tiêu" heading); check each in the preview.',
  },
  "target-year-missing": {
    vi: "Chỉ tiêu {target}: chưa rõ mốc năm (không có trong câu hay đề mục); hãy xác nhận năm trong bản xem trước.",
    en: "Target {target}: no milestone year (neither in the sentence nor in a heading); confirm it in the preview.",
  },
  "target-value-missing": {
    vi: "Chỉ tiêu {target}: không đọc được con số; hãy nhập giá trị chỉ tiêu nếu có.",
    en: "Target {target}: no number was read; enter the target value if there is one.",
  },
  "unplaced-lines": {
    vi: "{count} dòng trong bảng chưa xếp được vào ô nào; hãy kiểm tra và sửa trong bản xem trước.",
    en: "{count} table line(s) could not be placed in a cell; check them in the preview.",
  },
  "column-blocks": {
    vi:
      "Từ dòng {line}, bảng có vẻ là văn bản trích từ PDF theo từng cột (như pdftotext không có -layout): " +
      "các ô của một dòng bảng nằm cách xa nhau nên không xác định chắc được ô nào thuộc nhiệm vụ nào. " +
      "Hãy chọn trực tiếp tệp PDF, hoặc trích lại văn bản bằng pdftotext -layout, rồi nhập lại; " +
      "nếu vẫn dùng văn bản này, hãy đối chiếu từng dòng trong bản xem trước.",
    en:
      "From line {line} the table looks like text extracted from a PDF column by column (as pdftotext " +
      "does without -layout): a row's cells are far apart, so which cell belongs to which task cannot be " +
      "told. Choose the PDF file itself, or extract the text again with pdftotext -layout; if you keep " +
      "this text, check every row in the preview.",
  },
};

/** Words for parameters the core gives as codes, and for parameters it left empty. */
const KIND_WORDS: Record<MessageLanguage, Record<string, string>> = {
  vi: { month: "tháng", quarter: "quý", half: "6 tháng", "nine-months": "9 tháng", year: "năm" },
  en: {
    month: "monthly",
    quarter: "quarterly",
    half: "half-year",
    "nine-months": "nine-month",
    year: "yearly",
  },
};
const EMPTY: Record<MessageLanguage, Record<string, string>> = {
  vi: { file: "Sổ đã chọn", period: "trống" },
  en: { file: "The workbook", period: "none" },
};

/** The problem in words, in the language asked. */
export function problemText(p: Problem, language: MessageLanguage): string {
  const template = MESSAGES[p.code]?.[language] ?? p.code;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = p.params[key];
    if (value === undefined || value === "") return EMPTY[language][key] ?? whole.slice(1, -1);
    if (key === "kind") return KIND_WORDS[language][String(value)] ?? String(value);
    return String(value);
  });
}

/** Where, in words: "tệp a.pdf, trang 3, dòng 12" / "a.pdf, page 3, line 12". */
export function locationText(at: ProblemLocation | undefined, language: MessageLanguage): string {
  if (!at) return "";
  const vi = language === "vi";
  const parts = [
    at.file ? (vi ? `tệp ${at.file}` : at.file) : "",
    at.sheet ? (vi ? `trang tính "${at.sheet}"` : `sheet "${at.sheet}"`) : "",
    at.page !== undefined ? (vi ? `trang ${at.page}` : `page ${at.page}`) : "",
    at.row !== undefined ? (vi ? `dòng ${at.row}` : `row ${at.row}`) : "",
    at.cell ? (vi ? `ô ${at.cell}` : `cell ${at.cell}`) : "",
    at.line !== undefined ? (vi ? `dòng ${at.line}` : `line ${at.line}`) : "",
  ];
  return parts.filter(Boolean).join(", ");
}

/** Every code has words in both languages (checked by the tests). */
export const PROBLEM_CODES = Object.keys(MESSAGES) as ProblemCode[];

/**
 * A refusal in words, whoever raised it: a core code worded from this catalogue, or a reader's
 * message (readers outside the core still word their own, in both languages). Null for any other
 * error (a bug or a library's failure: the host says so in its own words).
 */
export function refusalText(error: unknown, language: MessageLanguage): string | null {
  if (isProblemError(error)) return problemText(error.problem, language);
  if (error instanceof Error && error.name === "ImportError" && "messageEn" in error)
    return language === "en" ? String(error.messageEn) : error.message;
  return null;
}
