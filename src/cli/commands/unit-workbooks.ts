/**
 * plan split MASTER.xlsx --out-dir DIR [--period YYYY-MM] [--force]
 * plan merge MASTER.xlsx UNIT.xlsx… --out MERGED.xlsx [--json] [--resubmit]
 * plan undo MERGED.xlsx --out RESTORED.xlsx
 * plan completeness MASTER.xlsx --period YYYY-MM [--json]
 */
import { existsSync, mkdirSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import {
  completenessOf,
  mergeWorkbooks,
  splitWorkbooks,
  undoLastMerge,
} from "../../core/workflows/unit-workbooks";
import { EXIT, UsageError, type CliIo } from "../run-cli";
import { openPackage, openValues } from "./open-workbook";
import { startUnitWriters } from "./unit-workbook-files";
import type { UnitWorkbook } from "../../core/merge/split-plan";
import { returnedFiles } from "./returned-files";

interface Parsed {
  files: string[];
  flags: Map<string, string | true>;
}

function parse(args: string[], valued: string[], switches: string[]): Parsed {
  const files: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (valued.includes(a)) {
      const v = args[++i];
      if (!v || v.startsWith("--")) throw new UsageError(`${a} cần một giá trị / needs a value.`);
      flags.set(a, v);
    } else if (switches.includes(a)) flags.set(a, true);
    else if (a.startsWith("--")) throw new UsageError(`Tùy chọn không hợp lệ / unknown option: ${a}`);
    else files.push(a);
  }
  return { files, flags };
}

/**
 * A master this large (about 400 tasks and more) is split into enough workbooks for writer threads
 * to pay off, so they are started before it is read; a smaller one is split in this thread.
 */
const LARGE_MASTER_BYTES = 64 * 1024;

const nowIso = () => new Date().toISOString().slice(0, 19);
const periodFlag = (p: Parsed) => {
  const v = p.flags.get("--period");
  if (v === undefined) return null;
  if (typeof v !== "string" || !/^\d{4}-\d{2}$/.test(v))
    throw new UsageError(`--period là tháng dạng YYYY-MM (nhận: ${String(v)}).`);
  return v;
};

export async function splitCommand(args: string[], io: CliIo): Promise<number> {
  const p = parse(args, ["--out-dir", "--period"], ["--force", "--partners"]);
  const dir = p.flags.get("--out-dir");
  if (p.files.length !== 1 || typeof dir !== "string")
    throw new UsageError(
      "Cách dùng: plan split SỔ_TỔNG_HỢP.xlsx --out-dir THƯ_MỤC [--period YYYY-MM] [--partners] [--force]",
    );
  const period = periodFlag(p);
  // A large master has many units: the writer threads start now, while it is read.
  const size = existsSync(p.files[0]!) ? statSync(p.files[0]!).size : 0;
  const writers = startUnitWriters(size >= LARGE_MASTER_BYTES);
  let workbooks: UnitWorkbook[];
  try {
    const master = await openValues(p.files[0]!);
    workbooks = await splitWorkbooks(master, {
      period,
      createdAt: nowIso(),
      file: basename(p.files[0]!),
      partners: p.flags.has("--partners"),
    });
    mkdirSync(dir, { recursive: true });
    const existing = workbooks.map((w) => join(dir, w.fileName)).filter((f) => existsSync(f));
    if (existing.length && !p.flags.has("--force")) {
      io.err(
        `Đã có ${existing.join(", ")}; không ghi đè. Thêm --force để ghi đè.\nFiles exist; not overwriting (add --force).\n`,
      );
      return EXIT.failed;
    }
    await writers.write(dir, workbooks);
  } finally {
    await writers.close();
  }
  for (const w of workbooks) {
    io.err(
      w.view
        ? `  ${w.fileName}: ${w.unitName} (bản xem của cơ quan phối hợp), ${w.meta.taskIds.length} nhiệm vụ\n`
        : `  ${w.fileName}: ${w.unitName}, ${w.meta.taskIds.length} nhiệm vụ, ${w.meta.indicatorIds.length} chỉ tiêu\n`,
    );
  }
  const views = workbooks.filter((w) => w.view).length;
  io.err(
    `Đã tách ${workbooks.length - views} sổ đơn vị${views ? ` và ${views} bản xem cho cơ quan phối hợp` : ""} vào ${dir}.\n`,
  );
  return EXIT.ok;
}

export async function mergeCommand(args: string[], io: CliIo): Promise<number> {
  const p = parse(args, ["--out"], ["--json", "--resubmit"]);
  const out = p.flags.get("--out");
  if (p.files.length < 2 || typeof out !== "string")
    throw new UsageError(
      "Cách dùng: plan merge SỔ_TỔNG_HỢP.xlsx SỔ_ĐƠN_VỊ.xlsx… --out SỔ_MỚI.xlsx [--json] [--resubmit]",
    );
  const [masterPath, ...unitPaths] = p.files as [string, ...string[]];
  if (resolve(out) === resolve(masterPath))
    throw new UsageError("--out phải khác sổ tổng hợp / --out must differ from the master.");
  // The returned files are read ahead (worker threads) while the master is read.
  const returned = returnedFiles(unitPaths);
  let result: Awaited<ReturnType<typeof mergeWorkbooks>>;
  try {
    const master = await openPackage(masterPath);
    result = await mergeWorkbooks(master, returned.files, {
      now: nowIso(),
      resubmit: p.flags.has("--resubmit"),
      file: basename(masterPath),
    });
    if (result.mergeId !== null) await master.save(out);
  } finally {
    await returned.close();
  }
  for (const f of result.files)
    io.err(
      f.status === "accepted"
        ? `  ✓ ${f.file} (${f.unit}): ${f.changes.length} giá trị, ${f.conflicts.length} xung đột\n`
        : `  ✗ ${f.file}: ${f.reason}\n    ${f.reasonEn}\n`,
    );
  for (const f of result.files)
    for (const c of f.conflicts)
      io.err(`    ! ${f.file} ${c.id}${c.column ? `, ${c.column}` : ""}: ${c.reason}\n`);
  io.err(
    result.mergeId !== null
      ? `Đã tổng hợp ${result.applied} giá trị vào ${out} (lần ${result.mergeId}).\n`
      : "Không có tệp nào được tổng hợp; không ghi sổ.\n",
  );
  if (p.flags.has("--json"))
    io.out(
      `${JSON.stringify(
        {
          mergeId: result.mergeId,
          applied: result.applied,
          files: result.files.map((f) => ({
            file: f.file,
            unit: f.unit,
            status: f.status,
            reason: f.reason,
            changes: f.changes.length,
            conflicts: f.conflicts.map((c) => ({
              id: c.id,
              column: c.column,
              reason: c.reason,
              master: c.master,
              unit: c.unit,
            })),
            invalid: f.invalid,
          })),
        },
        null,
        2,
      )}\n`,
    );
  return result.files.some((f) => f.status === "refused") ? EXIT.failed : EXIT.ok;
}

export async function undoCommand(args: string[], io: CliIo): Promise<number> {
  const p = parse(args, ["--out"], []);
  const out = p.flags.get("--out");
  if (p.files.length !== 1 || typeof out !== "string")
    throw new UsageError("Cách dùng: plan undo SỔ.xlsx --out SỔ_KHÔI_PHỤC.xlsx");
  const book = await openPackage(p.files[0]!);
  const r = await undoLastMerge(book, { now: nowIso(), file: basename(p.files[0]!) });
  if (r.mergeId === null) {
    io.err("Sổ chưa có lần tổng hợp nào để hoàn tác. / Nothing to undo.\n");
    return EXIT.failed;
  }
  await book.save(out);
  io.err(`Đã hoàn tác lần tổng hợp ${r.mergeId}: khôi phục ${r.restored} giá trị vào ${out}.\n`);
  for (const s of r.skipped) io.err(`  ! ${s.id}, ${s.column}: đã sửa sau lần tổng hợp, giữ nguyên.\n`);
  return EXIT.ok;
}

export async function completenessCommand(args: string[], io: CliIo): Promise<number> {
  const p = parse(args, ["--period"], ["--json"]);
  const period = periodFlag(p);
  if (p.files.length !== 1 || !period)
    throw new UsageError("Cách dùng: plan completeness SỔ.xlsx --period YYYY-MM [--json]");
  const rows = await completenessOf(await openValues(p.files[0]!), period, basename(p.files[0]!));
  if (p.flags.has("--json")) io.out(`${JSON.stringify({ period, units: rows }, null, 2)}\n`);
  else
    for (const r of rows)
      io.out(
        `${r.unit}\tđã gửi ${r.received}/${r.expected}\tđúng hạn ${r.onTime}\tmuộn ${r.late}\tchưa gửi ${r.missing}\n`,
      );
  return EXIT.ok;
}
