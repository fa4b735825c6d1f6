/**
 * plan parse FILE [--plan-year YYYY] [--json]: reads a plan from any supported file and prints its
 * structure (JSON per shared/eval/SCHEMA.md with --json, a summary otherwise). Warnings, dropped and
 * unplaced lines go to stderr, each with its location.
 */
import { readFile } from "node:fs/promises";
import { extname, basename } from "node:path";
import { toPlanJson, type ParsedPlan, type SourceLocation } from "../../core/model/plan";
import {
  ImportError,
  parseDocItems,
  parsePlanGrid,
  parsePlanSheets,
  parsePlanText,
} from "../../core/import/parse-plan";
import { readDelimited } from "../../readers/delimited-text";
import { readXlsx } from "../../readers/tabular-files";
import { decodeUtf8 } from "../../readers/utf8-text";
import { checkFileSize, checkZip } from "../../readers/input-limits";
import { readDocx } from "../../readers/docx-file";
import { readPdf } from "../../readers/pdf-file";
import { EXIT, UsageError, type CliIo } from "../run-cli";

export const PARSE_EXTENSIONS = [".txt", ".docx", ".pdf", ".xlsx", ".csv", ".tsv"];

function where(at: SourceLocation): string {
  return [at.file, at.page ? `trang ${at.page}` : "", at.line ? `dòng ${at.line}` : "", at.cell ?? ""]
    .filter(Boolean)
    .join(", ");
}

export async function readPlanFile(path: string, planYear: number | undefined): Promise<ParsedPlan> {
  const ext = extname(path).toLowerCase();
  const file = basename(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportError(
      code === "ENOENT" ? `Không tìm thấy tệp ${path}.` : `Không đọc được tệp ${path} (${code}).`,
      code === "ENOENT" ? `File not found: ${path}.` : `Cannot read ${path} (${code}).`,
    );
  }
  const opts = { file, planYear };
  checkFileSize(bytes, file);
  if (ext === ".xlsx") await checkZip(bytes, file);
  const parsed = await readByType(ext, file, bytes, opts);
  // A document with no plan table and no target is refused, not "imported" as nothing.
  if (!parsed.plan.tables.length && !parsed.plan.targets.length)
    throw new ImportError(
      `Tệp ${file} không có bảng nhiệm vụ, bảng chỉ tiêu hay chỉ tiêu nào đọc được${bytes.length === 0 ? " (tệp rỗng)" : ""}.`,
      `${file} holds no task table, indicator table or target${bytes.length === 0 ? " (the file is empty)" : ""}.`,
    );
  return parsed;
}

async function readByType(
  ext: string,
  file: string,
  bytes: Buffer,
  opts: { file: string; planYear: number | undefined },
): Promise<ParsedPlan> {
  if (ext === ".txt" || ext === ".text") return parsePlanText(decodeUtf8(bytes, file), opts);
  if (ext === ".csv" || ext === ".tsv") {
    const cells = readDelimited(decodeUtf8(bytes, file), ext === ".csv" ? "," : "\t");
    return parsePlanGrid(cells, { file }, opts);
  }
  if (ext === ".xlsx") {
    let sheets;
    try {
      sheets = await readXlsx(bytes);
    } catch (error) {
      throw new ImportError(
        `Tệp ${file} không phải tệp Excel (.xlsx) hợp lệ (${(error as Error).message}).`,
        `${file} is not a valid Excel (.xlsx) file (${(error as Error).message}).`,
      );
    }
    if (!sheets.length)
      throw new ImportError(`Tệp ${file} không có trang tính nào.`, `${file} has no worksheet.`);
    // Every sheet, in order: one sheet per appendix is common.
    return parsePlanSheets(sheets, opts);
  }
  if (ext === ".docx") return parseDocItems(await readDocx(bytes, file), opts);
  if (ext === ".doc")
    throw new ImportError(
      `Tệp ${file} là định dạng Word cũ (.doc). Hãy mở bằng Word và lưu lại thành .docx rồi nhập lại.`,
      `${file} is an old Word (.doc) file. Save it as .docx in Word and import again.`,
    );
  if (ext === ".pdf") return parseDocItems(await readPdf(new Uint8Array(bytes), file), opts);
  throw new ImportError(
    `Không hỗ trợ loại tệp “${ext || "(không có đuôi)"}”. Các loại được hỗ trợ: ${PARSE_EXTENSIONS.join(", ")}.`,
    `Unsupported file type "${ext}". Supported: ${PARSE_EXTENSIONS.join(", ")}.`,
  );
}

function summary(parsed: ParsedPlan): string {
  const { plan } = parsed;
  const lines = [`${plan.source}: năm kế hoạch ${plan.planYear}`];
  for (const t of plan.tables)
    lines.push(
      `  ${t.kind === "tasks" ? "Bảng nhiệm vụ" : "Bảng chỉ tiêu"}: ${t.title} — ${t.rows.length} dòng`,
    );
  lines.push(`  Chỉ tiêu nêu trong văn bản: ${plan.targets.length}`);
  lines.push(
    `  Dòng bỏ qua: ${parsed.dropped.length}; chưa xếp được: ${parsed.unplaced.length}; cảnh báo: ${parsed.warnings.length}`,
  );
  return `${lines.join("\n")}\n`;
}

export async function parseCommand(args: string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  let planYear: number | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--json") json = true;
    else if (a === "--plan-year") {
      const v = args[++i];
      if (!v || !/^\d{4}$/.test(v))
        throw new UsageError(`--plan-year cần một năm có 4 chữ số, ví dụ 2025 (nhận: ${v ?? "trống"}).`);
      planYear = Number(v);
    } else if (a.startsWith("--")) throw new UsageError(`Tùy chọn không hợp lệ / unknown option: ${a}`);
    else if (!file) file = a;
    else throw new UsageError(`Chỉ nhận một tệp / one file only: ${a}`);
  }
  if (!file)
    throw new UsageError("Thiếu tệp kế hoạch / missing plan file: plan parse FILE [--plan-year YYYY] --json");
  const parsed = await readPlanFile(file, planYear);
  for (const w of parsed.warnings) io.err(`Cảnh báo: ${w.message}${w.at ? ` (${where(w.at)})` : ""}\n`);
  for (const u of parsed.unplaced) io.err(`Chưa xếp được: “${u.text}” (${where(u.at)})\n`);
  const plan = toPlanJson(parsed);
  if (json) io.out(`${JSON.stringify(plan, null, 2)}\n`);
  else io.out(summary(parsed));
  return EXIT.ok;
}
