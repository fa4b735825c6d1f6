/**
 * plan report WORKBOOK.xlsx --period 2025-10 [--kind month|quarter|half|nine-month|year] [--unit NAME]
 *   --out report.xlsx [--docx report.docx] [--pdf report.pdf] [--json]
 * Adds the report sheets (body and appendices, Nghị định 30/2020 layout) to a copy of the tracking
 * workbook, and writes the same report as .docx and, through LibreOffice, as .pdf.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { Packer } from "docx";
import { refuse } from "../../core/problem";
import type { PeriodKind } from "../../core/periods/reporting-period";
import { reportFigures } from "../../core/report/report-content";
import { writeReport } from "../../core/workflows/periodic-report";
import { reportDocx } from "../../docx/report-docx";
import { EXIT, UsageError, type CliIo } from "../run-cli";
import { periodArgument } from "../clerk-arguments";
import { openWorkbook } from "./open-workbook";

const KINDS: Record<string, PeriodKind> = {
  month: "month",
  quarter: "quarter",
  half: "half",
  "nine-month": "nine-months",
  "nine-months": "nine-months",
  year: "year",
};

const SOFFICE = [
  "/usr/bin/soffice",
  "/usr/bin/libreoffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
];

/** A .docx to .pdf through LibreOffice, where it is installed. */
function toPdf(docx: string, pdf: string): void {
  const soffice = process.env.SOFFICE_PATH ?? SOFFICE.find((p) => existsSync(p));
  if (!soffice) throw refuse("pdf-needs-libreoffice");
  const out = mkdtempSync(join(tmpdir(), "plan-pdf-"));
  const profile = mkdtempSync(join(tmpdir(), "plan-lo-"));
  execFileSync(
    soffice,
    [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", out, docx],
    {
      stdio: "pipe",
      timeout: 180_000,
    },
  );
  renameSync(join(out, basename(docx).replace(/\.docx$/i, ".pdf")), pdf);
}

export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  let period: string | undefined;
  let kind: PeriodKind = "month";
  let unit: string | null = null;
  let out: string | undefined;
  let docx: string | undefined;
  let pdf: string | undefined;
  let json = false;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = args[++i];
      if (!v || v.startsWith("--")) throw new UsageError(`${a} cần một giá trị / needs a value.`);
      return v;
    };
    if (a === "--period") period = value();
    else if (a === "--kind") {
      const k = KINDS[value()];
      if (!k)
        throw new UsageError(`--kind là month, quarter, half, nine-month hoặc year (nhận: ${args[i]}).`);
      kind = k;
    } else if (a === "--unit") unit = value();
    else if (a === "--out") out = value();
    else if (a === "--docx") docx = value();
    else if (a === "--pdf") pdf = value();
    else if (a === "--json") json = true;
    else if (a === "--force") force = true;
    else if (a.startsWith("--")) throw new UsageError(`Tùy chọn không hợp lệ / unknown option: ${a}`);
    else if (!file) file = a;
    else throw new UsageError(`Chỉ nhận một sổ / one workbook only: ${a}`);
  }
  if (!file || !period || (!out && !docx && !pdf && !json))
    throw new UsageError(
      "Cách dùng: plan report SỔ.xlsx --period YYYY-MM [--kind …] --out báo-cáo.xlsx [--docx …] [--pdf …] [--json]",
    );
  const month = periodArgument(period);
  if (!month)
    throw new UsageError(
      `--period là tháng dạng MM/YYYY hoặc YYYY-MM, ví dụ 10/2025 (nhận: ${period}). / --period is a month, e.g. 10/2025.`,
    );
  period = month;
  if (out && resolve(out) === resolve(file))
    throw new UsageError(
      "--out phải khác sổ đầu vào: báo cáo được ghi vào một bản sao / --out must differ from the input.",
    );
  for (const target of [out, docx, pdf])
    if (target && resolve(target) === resolve(file))
      throw new UsageError("Tệp ra phải khác sổ đầu vào / an output must differ from the input.");
  const existing = [out, docx, pdf].filter((t): t is string => Boolean(t) && existsSync(t!));
  if (existing.length && !force) {
    io.err(
      `Đã có ${existing.join(", ")}; không ghi đè. Chọn tên khác hoặc thêm --force.\n${existing.join(", ")} exist(s); not overwriting. Choose another name or add --force.\n`,
    );
    return EXIT.failed;
  }
  const book = await openWorkbook(file);
  const report = await writeReport(book, { period, kind, unit }, basename(file));
  if (out) await book.save(out);
  if (docx || pdf) {
    const buffer = await Packer.toBuffer(reportDocx(report.document));
    const docxPath =
      docx ??
      join(mkdtempSync(join(tmpdir(), "plan-docx-")), basename(pdf!).replace(/\.pdf$/i, "") + ".docx");
    writeFileSync(docxPath, buffer);
    if (pdf) toPdf(docxPath, resolve(dirname(pdf), basename(pdf)));
  }
  if (json) io.out(`${JSON.stringify(reportFigures(report.content), null, 2)}\n`);
  io.err(
    `Báo cáo ${report.content.period.label} (${report.content.period.from} – ${report.content.period.to})` +
      `${out ? `: ${report.names.join(", ")} trong ${out}` : ""}${docx ? `; ${docx}` : ""}${pdf ? `; ${pdf}` : ""}.\n`,
  );
  return EXIT.ok;
}
