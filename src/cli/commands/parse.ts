/**
 * plan parse FILE [--plan-year YYYY] [--json]: reads a plan from any supported file and prints its
 * structure (JSON per shared/eval/SCHEMA.md with --json, a summary otherwise). Warnings, dropped and
 * unplaced lines go to stderr, each with its location.
 */
import { readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { toPlanJson, type ParsedPlan, type SourceLocation } from "../../core/model/plan";
import { refuse } from "../../core/problem";
import { problemText } from "../../messages/problem-messages";
import { readPlanBytes } from "../../readers/plan-bytes";
import { EXIT, UsageError, type CliIo } from "../run-cli";

function where(at: SourceLocation): string {
  return [at.file, at.page ? `trang ${at.page}` : "", at.line ? `dòng ${at.line}` : "", at.cell ?? ""]
    .filter(Boolean)
    .join(", ");
}

export async function readPlanFile(path: string, planYear: number | undefined): Promise<ParsedPlan> {
  const file = basename(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw code === "ENOENT"
      ? refuse("file-not-found", { file: path }, { file })
      : refuse("file-unreadable", { file: path, detail: String(code) }, { file });
  }
  const standardFontDataUrl = join(dirname(require.resolve("pdfjs-dist/package.json")), "standard_fonts/");
  return readPlanBytes(bytes, { file, planYear, pdf: { standardFontDataUrl } });
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
  for (const w of parsed.warnings)
    io.err(`Cảnh báo: ${problemText(w, "vi")}${w.at ? ` (${where(w.at)})` : ""}\n`);
  for (const u of parsed.unplaced) io.err(`Chưa xếp được: “${u.text}” (${where(u.at)})\n`);
  const plan = toPlanJson(parsed);
  if (json) io.out(`${JSON.stringify(plan, null, 2)}\n`);
  else io.out(summary(parsed));
  return EXIT.ok;
}
