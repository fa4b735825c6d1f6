/**
 * The words for the core's problem codes (src/core/problem.ts), in Vietnamese and English: one
 * catalogue for the pane, the web app and the CLI, so that all three say the same thing. A
 * parameter the core left empty takes the catalogue's word for it ("Sổ đã chọn" for no file name).
 */
import { isProblemError, type Problem, type ProblemCode, type ProblemLocation } from "../core/problem";
import type { FileVerdict, InvalidCell } from "../core/merge/merge-unit";
import type { ClerkValueProblem } from "../core/merge/clerk-values";
import {
  CHECK_DATA_REASON,
  CHECK_DEADLINE_REASON,
  reasonText,
  viDate,
  type RowReason,
} from "../core/status/status-reason";

export type MessageLanguage = "vi" | "en";

const MESSAGES: Record<ProblemCode, Record<MessageLanguage, string>> = {
  "file-too-large": {
    vi: "Tệp {file} lớn {size}, vượt giới hạn {limit}: hãy tách nhỏ tệp.",
    en: "{file} is {size}, over the {limit} limit.",
  },
  "file-not-found": { vi: "Không tìm thấy tệp {file}.", en: "File not found: {file}." },
  "file-unreadable": { vi: "Không đọc được tệp {file} ({detail}).", en: "Cannot read {file} ({detail})." },
  "file-type-unsupported": {
    vi: "Không hỗ trợ loại tệp “{ext}”. Các loại được hỗ trợ: {supported}.",
    en: 'Unsupported file type "{ext}". Supported: {supported}.',
  },
  "zip-damaged": {
    vi: "Tệp {file} không phải tệp {format} hợp lệ hoặc đã hỏng (có thể tệp chưa tải về hết, hoặc bị đổi đuôi): hãy mở tệp gốc, lưu lại thành {format} rồi gửi lại.",
    en: "{file} is not a valid {format} file, or is damaged (perhaps not fully downloaded, or renamed): open the original, save it as {format} and send it again.",
  },
  "zip-too-many-parts": {
    vi: "Tệp {file} chứa {count} phần, vượt giới hạn {limit}: không đọc.",
    en: "{file} holds {count} parts, over the {limit} limit.",
  },
  "zip-too-large": {
    vi: "Tệp {file} khi giải nén lớn {size}, vượt giới hạn {limit} (có thể là tệp độc hại): không đọc.",
    en: "{file} inflates to {size}, over the {limit} limit: not read.",
  },
  "pdf-too-many-pages": {
    vi: "Tệp {file} có {pages} trang, vượt giới hạn {limit} trang: hãy tách riêng phần phụ lục.",
    en: "{file} has {pages} pages, over the {limit}-page limit.",
  },
  "pdf-reader-unavailable": {
    vi: "Không tải được bộ đọc PDF ({detail}).",
    en: "Cannot load the PDF reader ({detail}).",
  },
  "pdf-damaged": {
    vi: "Tệp {file} không phải tệp PDF hợp lệ hoặc đã hỏng: hãy tải lại tệp PDF gốc rồi thử lại.",
    en: "{file} is not a valid PDF file or is damaged: download the original PDF again and retry.",
  },
  "pdf-page-damaged": {
    vi: "Tệp {file} đã hỏng ở trang {page}, không đọc được ({detail}).",
    en: "{file} is damaged at page {page} ({detail}).",
  },
  "pdf-no-text": {
    vi: "Tệp {file} không có lớp chữ (có thể là bản quét). Cần bản PDF có chữ chọn được, hoặc tệp Word.",
    en: "{file} has no text layer (maybe a scan). A PDF with selectable text, or the Word file, is needed.",
  },
  "pdf-needs-libreoffice": {
    vi: "Cần LibreOffice để xuất PDF (Debian: apt-get install libreoffice-writer); tệp .docx vẫn dùng được.",
    en: "Writing a PDF needs LibreOffice (libreoffice-writer); the .docx is usable as it is.",
  },
  "sheet-too-large": {
    vi: 'Trang tính "{sheet}" của tệp {file} có vùng dữ liệu {rows} dòng × {columns} cột, vượt giới hạn {limit} ô: hãy chỉ giữ bảng kế hoạch.',
    en: 'Sheet "{sheet}" of {file} spans {rows} rows × {columns} columns, over the {limit} cell limit.',
  },
  "cell-too-long": {
    vi: "Tệp {file}, {at}: ô dài {length} ký tự, vượt giới hạn {limit} ký tự của Excel.",
    en: "{file}, {at}: a cell of {length} characters, over Excel's {limit}-character limit.",
  },
  "text-too-long": {
    vi: "Tệp {file} có {chars} ký tự chữ, vượt giới hạn {limit} ký tự: hãy chỉ giữ phần kế hoạch (các phụ lục và mục tiêu).",
    en: "{file} holds {chars} characters of text, over the {limit}-character limit: keep only the plan.",
  },
  "line-too-long": {
    vi: "Tệp {file}, dòng {line}: dài {length} ký tự, vượt giới hạn {limit} ký tự một dòng.",
    en: "{file}, line {line}: {length} characters, over the {limit}-character line limit.",
  },
  "text-not-utf8": {
    vi: "Tệp {file} không phải văn bản UTF-8 (từ dòng {line}). Hãy lưu lại với bảng mã Unicode (UTF-8).",
    en: "{file} is not UTF-8 text (from line {line}). Save it with the Unicode (UTF-8) encoding.",
  },
  "text-not-utf8-legacy": {
    vi: "Tệp {file} được gõ bằng bảng mã cũ {encoding} (từ dòng {line}), không phải Unicode. Hãy chuyển sang Unicode (Unikey: Công cụ chuyển mã) rồi nhập lại.",
    en: "{file} is typed in the legacy {encoding} encoding (from line {line}), not Unicode. Convert it to Unicode and import again.",
  },
  "csv-unreadable": {
    vi: "Tệp {file} không đọc được như bảng {format}. Hãy mở bằng Excel và lưu lại.",
    en: "{file} cannot be read as {format}.",
  },
  "csv-open-quote": {
    vi: "Tệp {file} không đọc được như bảng {format} (dòng {line}: dấu ngoặc kép mở mà không đóng). Hãy mở bằng Excel và lưu lại.",
    en: "{file} cannot be read as {format} (line {line}: a quote is never closed).",
  },
  "docx-damaged": {
    vi: "Tệp {file} không phải tệp Word (.docx) hợp lệ hoặc đã hỏng: hãy mở bằng Word, lưu lại thành .docx rồi thử lại.",
    en: "{file} is not a valid Word (.docx) file or is damaged: open it in Word, save it as .docx and try again.",
  },
  "docx-text-unreadable": {
    vi: "Tệp {file} đã hỏng: nội dung văn bản không đọc được ({detail}).",
    en: "{file} is damaged: its text cannot be read ({detail}).",
  },
  "docx-encrypted": {
    vi: "Tệp {file} được đặt mật khẩu (hoặc là tệp Word cũ .doc đổi đuôi): hãy bỏ mật khẩu (Tệp → Thông tin → Bảo vệ tài liệu) hoặc lưu lại thành .docx.",
    en: "{file} is password-protected (or an old .doc renamed): remove the password or save it as .docx.",
  },
  "doc-old-format": {
    vi: "Tệp {file} là định dạng Word cũ (.doc). Hãy mở bằng Word và lưu lại thành .docx rồi nhập lại.",
    en: "{file} is an old Word (.doc) file. Save it as .docx in Word and import again.",
  },
  "xlsx-old-xls": {
    vi: "Tệp {file} là định dạng Excel cũ (.xls): hãy mở bằng Excel và lưu lại thành .xlsx.",
    en: "{file} is an old .xls file: save it as .xlsx.",
  },
  "xlsx-ods": {
    vi: "Tệp {file} là bảng tính LibreOffice (.ods): hãy mở bằng LibreOffice Calc, chọn Tệp → Lưu thành, kiểu “Excel 2007-365 (.xlsx)”, rồi gửi tệp .xlsx.",
    en: '{file} is a LibreOffice spreadsheet (.ods): open it in LibreOffice Calc, File → Save As, type "Excel 2007-365 (.xlsx)", and send the .xlsx.',
  },
  "xlsx-ods-renamed": {
    vi: "Tệp {file} là bảng tính LibreOffice (.ods) dù mang đuôi khác: hãy mở bằng LibreOffice Calc, chọn Tệp → Lưu thành, kiểu “Excel 2007-365 (.xlsx)”, rồi gửi tệp .xlsx.",
    en: '{file} is a LibreOffice spreadsheet (.ods) under another name: save it as "Excel 2007-365 (.xlsx)" and send that.',
  },
  "xlsx-macro": {
    vi: "Tệp {file} có macro (.xlsm): phần bổ trợ không mở tệp có macro; hãy lưu lại thành .xlsx.",
    en: "{file} is macro-enabled (.xlsm): save it as .xlsx.",
  },
  "xlsx-encrypted": {
    vi: "Tệp {file} được đặt mật khẩu (hoặc là tệp Excel cũ): hãy bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) và gửi lại.",
    en: "{file} is password-protected (or an old Excel file): remove the password and send it again.",
  },
  "xlsx-not-zip": {
    vi: "Tệp {file} không phải tệp Excel .xlsx (hoặc đã hỏng).",
    en: "{file} is not an .xlsx file (or is damaged).",
  },
  "xlsx-damaged": {
    vi: "Tệp {file} không phải tệp Excel (.xlsx) hợp lệ ({detail}).",
    en: "{file} is not a valid Excel (.xlsx) file ({detail}).",
  },
  "xlsx-no-workbook-part": {
    vi: "Tệp {file} không có cấu trúc của sổ Excel (.xlsx): thiếu phần workbook.",
    en: "{file} is not an Excel workbook: its workbook part is missing.",
  },
  "xlsx-no-sheet": { vi: "Tệp {file} không có trang tính nào.", en: "{file} has no worksheet." },
  "workbook-damaged": {
    vi: "Tệp {file} đã hỏng, không đọc được: hãy mở tệp gốc bằng Excel, lưu lại thành .xlsx rồi thử lại.",
    en: "{file} is damaged and cannot be read: open the original in Excel, save it as .xlsx and retry.",
  },
  "plan-nothing-read": {
    vi: "Tệp {file} không có bảng nhiệm vụ, bảng chỉ tiêu hay chỉ tiêu nào đọc được.",
    en: "{file} holds no task table, indicator table or target.",
  },
  "plan-empty-file": {
    vi: "Tệp {file} không có bảng nhiệm vụ, bảng chỉ tiêu hay chỉ tiêu nào đọc được (tệp rỗng).",
    en: "{file} holds no task table, indicator table or target (the file is empty).",
  },
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
  "merge-file-unreadable": { vi: "{message}", en: "{messageEn}" },
  "merge-master-as-returned": {
    vi: "Tệp {file} là một sổ tổng hợp, không phải sổ đơn vị gửi lại: hãy chọn sổ tổng hợp làm sổ chính và các sổ đơn vị làm tệp gửi lại.",
    en: "{file} is a master workbook, not a returned unit workbook: give it as the master and the unit workbooks as the returned files.",
  },
  "merge-no-metadata": {
    vi: "Tệp {file} không còn thông tin nhận dạng của sổ đơn vị (trang ẩn {sheet} đã bị xóa, hoặc tệp không phải sổ do phần bổ trợ tách): không tổng hợp. Hãy nhập số liệu vào sổ đơn vị đã được gửi rồi gửi lại.",
    en: "{file} has no unit-workbook metadata (the hidden sheet {sheet} is gone, or the file is not a split unit workbook): not merged. Type the values into the unit workbook you were sent and resend it.",
  },
  "merge-bad-metadata": {
    vi: "Tệp {file}: thông tin nhận dạng của sổ đơn vị không đọc được ({detail}); không tổng hợp. Hãy nhập số liệu vào sổ đơn vị đã được gửi rồi gửi lại.",
    en: "{file}: its unit-workbook metadata cannot be read ({detail}); not merged. Type the values into the unit workbook you were sent and resend it.",
  },
  "merge-partner-view": {
    vi: "Tệp {file} là bản xem của cơ quan phối hợp ({unit}), chỉ để xem: không có số liệu để tổng hợp.",
    en: "{file} is a partner unit's read-only view ({unit}): nothing to merge.",
  },
  "merge-old-layout": {
    vi: "Tệp {file} là sổ đơn vị theo mẫu cũ (phiên bản {version}, hiện tại {current}): hãy tách lại sổ cho đơn vị và nhập lại số liệu vào mẫu mới.",
    en: "{file} is a unit workbook of an older layout ({version}, now {current}): split again.",
  },
  "merge-no-task-sheet": {
    vi: 'Tệp {file} không còn trang "{sheet}" (trang đã bị xóa hoặc đổi tên): hãy đặt lại tên trang là "{sheet}" rồi gửi lại.',
    en: '{file} has no "{sheet}" sheet (deleted or renamed): name it "{sheet}" again and resend.',
  },
  "merge-no-id-column": {
    vi: 'Tệp {file}, trang "{sheet}": không tìm thấy cột "{column}" nên không biết dòng nào là nhiệm vụ nào: hãy khôi phục cột đó rồi gửi lại.',
    en: '{file}, sheet "{sheet}": the "{column}" column is gone, so rows cannot be matched: restore it and resend.',
  },
  "merge-unknown-unit": {
    vi: 'Đơn vị "{unit}" của tệp {file} không có trong sổ tổng hợp.',
    en: 'The unit "{unit}" of {file} is not in the master.',
  },
  "merge-other-plan": {
    vi: "Tệp {file} là sổ của một kế hoạch khác (mã và nội dung nhiệm vụ không khớp sổ tổng hợp): không tổng hợp.",
    en: "{file} belongs to another plan (its task ids and texts do not match the master): not merged.",
  },
  "merge-other-period": {
    vi: "Tệp {file} là sổ kỳ {month:period}, đang tổng hợp kỳ {month:current}: không tổng hợp. Tổng hợp tệp này cho kỳ của nó (--period {period}) hoặc tách sổ kỳ {month:current} cho đơn vị.",
    en: "{file} is the workbook of {period}, the merge is for {current}: not merged. Merge it for its own period (--period {period}) or split a {current} workbook.",
  },
  "merge-duplicate-id": {
    vi: "Tệp {file} có mã nhiệm vụ {id} lặp lại ở hai dòng: hãy xóa dòng thừa rồi gửi lại.",
    en: "{file} repeats the task id {id} on two rows: delete the extra row and resend.",
  },
  "merge-unreadable-cells": {
    vi: "Tệp {file} có {count} ô không đọc được ({cells}): không tổng hợp tệp này; hãy sửa các ô đó rồi gửi lại.",
    en: "{file} has {count} unreadable cell(s) ({cells}): not merged; correct them and resend.",
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
  "target-year-carried": {
    vi: "Chỉ tiêu {target}: năm {year} được lấy theo dòng “Đến năm {year}: …” ở trên, nhưng chỉ tiêu này có thể thuộc mốc khác. Hãy kiểm tra cột Năm.",
    en: 'Target {target}: the year {year} is taken from the line "By {year}: …" above it, but the target may belong to another milestone. Check the Year column.',
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
  const text = template.replace(
    /\{(?:(month):)?(\w+)\}/g,
    (whole, month: string | undefined, key: string) => {
      // Where in the file (the file itself is named by the sentence).
      if (key === "at" && p.params.at === undefined)
        return locationText({ ...p.at, file: undefined }, language);
      const value = p.params[key];
      if (typeof value === "number" && value >= 10_000 && GROUPED.has(key))
        return value.toLocaleString(language === "vi" ? "vi-VN" : "en-US");
      if (month && typeof value === "string") return value.replace(/^(\d{4})-(\d{2})$/, "$2/$1");
      if (value === undefined || value === "") return EMPTY[language][key] ?? whole.slice(1, -1);
      if (key === "kind") return KIND_WORDS[language][String(value)] ?? String(value);
      return String(value);
    },
  );
  // A refusal may carry the warning that says why (a text printed column by column): worded after it.
  const why = p.params.why;
  return typeof why === "string" && why in MESSAGES
    ? `${text} ${problemText({ code: why as ProblemCode, params: { ...p.params, why: "" }, at: p.at }, language)}`
    : text;
}

/** Counts written with their thousands grouped ("4.000.000 ký tự"); line and page numbers are not. */
const GROUPED = new Set(["chars", "limit", "count", "length"]);

const CLERK_VALUE: Record<ClerkValueProblem, Record<MessageLanguage, string>> = {
  "progress-not-number": {
    vi: "phải là số từ 0 đến 100; gõ 80 hoặc 80%",
    en: "must be a number from 0 to 100; type 80 or 80%",
  },
  "progress-range": {
    vi: "phải từ 0 đến 100; gõ 80 hoặc 80%",
    en: "must lie between 0 and 100; type 80 or 80%",
  },
  "date-not-date": {
    vi: "phải là ngày; gõ dạng dd/mm/yyyy, ví dụ 15/10/2025",
    en: "must be a date; type it as dd/mm/yyyy, e.g. 15/10/2025",
  },
};

/** A value a unit typed that cannot be read: its column, cell and value, and what to type. */
export function invalidCellText(c: InvalidCell, language: MessageLanguage): string {
  const value = String(c.value ?? "");
  return language === "vi"
    ? `trang "${c.sheet ?? ""}", ô ${c.address ?? ""}, ${c.id}: "${c.column}" ${CLERK_VALUE[c.problem].vi} (ô ghi "${value}")`
    : `sheet "${c.sheet ?? ""}", cell ${c.address ?? ""}, ${c.id}: "${c.column}" ${CLERK_VALUE[c.problem].en} (the cell holds "${value}")`;
}

/** Why a returned file was not merged, in words (with its first unreadable cells, where that is why). */
export function verdictText(v: FileVerdict, language: MessageLanguage): string {
  if (!v.refusal) return "";
  const { code, params } = v.refusal;
  // A reader's core code inside: worded from this catalogue too.
  if (code === "merge-file-unreadable" && typeof params.code === "string")
    return problemText({ code: params.code as ProblemCode, params: { file: v.file, ...params } }, language);
  if (code === "merge-unreadable-cells") {
    const cells = v.invalid.slice(0, 3).map((c) => invalidCellText(c, language));
    return problemText(
      { code, params: { ...params, cells: cells.join("; ") + (v.invalid.length > 3 ? "; …" : "") } },
      language,
    );
  }
  return problemText(v.refusal, language);
}

/** What a conflict is (both sides changed a value since the split), for the merge's report. */
export function conflictText(language: MessageLanguage): string {
  return language === "vi"
    ? "Cơ quan thường trực đã sửa giá trị này sau khi đơn vị nhận sổ; đơn vị cũng sửa: giữ cả hai giá trị, cần người quyết định."
    : "The secretariat changed this value after the unit received its workbook, and the unit changed it too: both values are kept for someone to decide.";
}

/** Where, in words: "tệp a.pdf, trang 3, dòng 12" / "a.pdf, page 3, line 12". */
export function locationText(at: ProblemLocation | undefined, language: MessageLanguage): string {
  if (!at) return "";
  const vi = language === "vi";
  const parts = [
    at.file ? (vi ? `tệp ${at.file}` : at.file) : "",
    at.sheet ? (vi ? `trang tính "${at.sheet}"` : `sheet "${at.sheet}"`) : "",
    at.page !== undefined ? (vi ? `trang ${at.page}` : `page ${at.page}`) : "",
    at.table !== undefined ? (vi ? `bảng ${at.table}` : `table ${at.table}`) : "",
    at.row !== undefined ? (vi ? `dòng ${at.row}` : `row ${at.row}`) : "",
    at.column !== undefined ? (vi ? `cột ${at.column}` : `column ${at.column}`) : "",
    at.cell ? (vi ? `ô ${at.cell}` : `cell ${at.cell}`) : "",
    at.line !== undefined ? (vi ? `dòng ${at.line}` : `line ${at.line}`) : "",
  ];
  return parts.filter(Boolean).join(", ");
}

/** Every code has words in both languages (checked by the tests). */
export const PROBLEM_CODES = Object.keys(MESSAGES) as ProblemCode[];

/**
 * A refusal in words: a code of the core or of a reader, worded from this catalogue. Null for any
 * other error (a bug or a library's failure: the host says so in its own words).
 */
export function refusalText(error: unknown, language: MessageLanguage): string | null {
  return isProblemError(error) ? problemText(error.problem, language) : null;
}

/**
 * Why a task has its status (the core's facts), in the language asked: in Vietnamese word for word
 * the sheet's "Căn cứ trạng thái"; in English the same facts.
 */
export function taskReasonText(r: RowReason, language: MessageLanguage): string {
  if (r.code === "check-data")
    return language === "vi"
      ? CHECK_DATA_REASON
      : "A date or progress cell holds text instead of a number: type it again (dates as dd/mm/yyyy, progress 0–100).";
  if (r.code === "check-deadline")
    return language === "vi"
      ? CHECK_DEADLINE_REASON
      : "The deadline text was changed but not the due date and recurrence: make them agree.";
  if (language === "vi") return reasonText(r);
  const d = (iso: string) => (iso ? viDate(iso) : "?");
  const after = (iso: string) => (iso ? `; completed ${d(iso)}, after the report date, not counted` : "");
  switch (r.code) {
    case "recurring":
      return `Period ${d(r.params.from)} to ${d(r.params.to)}: ${r.params.updated ? `last updated ${d(r.params.updated)}` : "no update date"}.`;
    case "completed":
      return `Completed ${d(r.params.completed)}${r.params.due ? `, due ${d(r.params.due)}` : ", no deadline"}${r.params.below100 ? "; progress below 100%" : ""}.`;
    case "done-no-date":
      return `Progress 100%, no completion date${r.params.due ? `: due ${d(r.params.due)}, against the ${r.params.against === "update" ? "last update" : "report date"} ${d(r.params.date)}` : ""}.`;
    case "no-deadline":
      return `No set deadline${after(r.params.completedAfter)}.`;
    case "deadline": {
      const p = r.params;
      const days = p.days < 0 ? `${-p.days} days overdue` : `${p.days} days left`;
      return `Due ${d(p.due)}, report date ${d(p.report)}: ${days}${after(p.completedAfter)}.`;
    }
  }
}
