/**
 * plan split MASTER.xlsx --out-dir DIR [--period MM/YYYY] [--force]
 * plan merge MASTER.xlsx UNIT.xlsx… --out MERGED.xlsx [--period MM/YYYY] [--json] [--force]
 * plan conflicts MASTER.xlsx [--take-unit [--id ID]…] [--out NEW.xlsx] [--force] [--json]
 * plan undo MERGED.xlsx --out RESTORED.xlsx [--force]
 * plan completeness MASTER.xlsx [--period MM/YYYY] [--json]
 */
import { conflictText, verdictText } from "../../messages/problem-messages";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import {
  completenessOf,
  mergeWorkbooks,
  openConflicts,
  splitWorkbooks,
  takeUnitValues,
  undoLastMerge,
} from "../../core/workflows/unit-workbooks";
import type { FileVerdict, ListedValue } from "../../core/merge/merge-unit";
import { monthText } from "../../core/merge/merge-unit";
import { periodArgument } from "../clerk-arguments";
import { EXIT, UsageError, type CliIo } from "../run-cli";
import { openPackage, openValues } from "./open-workbook";
import { startUnitWriters } from "./unit-workbook-files";
import type { UnitWorkbook } from "../../core/merge/split-plan";
import { returnedFiles } from "./returned-files";

interface Parsed {
  files: string[];
  flags: Map<string, string | true>;
  /** Every value of a flag given more than once ("--id A --id B"). */
  all: Map<string, string[]>;
}

function parse(args: string[], valued: string[], switches: string[]): Parsed {
  const files: string[] = [];
  const flags = new Map<string, string | true>();
  const all = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (valued.includes(a)) {
      const v = args[++i];
      if (!v || v.startsWith("--")) throw new UsageError(`${a} cần một giá trị / needs a value.`);
      flags.set(a, v);
      all.set(a, [...(all.get(a) ?? []), v]);
    } else if (switches.includes(a)) flags.set(a, true);
    else if (a.startsWith("--")) throw new UsageError(`Tùy chọn không hợp lệ / unknown option: ${a}`);
    else files.push(a);
  }
  return { files, flags, all };
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
  const period = typeof v === "string" ? periodArgument(v) : null;
  if (!period)
    throw new UsageError(
      `--period là tháng dạng MM/YYYY hoặc YYYY-MM, ví dụ 10/2025 (nhận: ${String(v)}). / --period is a month, e.g. 10/2025.`,
    );
  return period;
};

/** An output file that exists is overwritten only with --force (a merged month is never wiped). */
function refuseOverwrite(path: string, p: Parsed, io: CliIo): boolean {
  if (!existsSync(path) || p.flags.has("--force")) return false;
  io.err(
    `Tệp ${path} đã có; không ghi đè. Chọn tên khác hoặc thêm --force.\n${path} exists; not overwriting. Choose another name or add --force.\n`,
  );
  return true;
}

const shown = (v: unknown) =>
  v === null || v === undefined || v === "" ? "(trống)" : String(v).replace(/\n/g, " ⏎ ");

const LISTED_VI: Record<ListedValue["code"], { vi: string; en: string }> = {
  "new-task": {
    vi: "dòng đơn vị thêm: nhiệm vụ đề xuất, chưa đưa vào kế hoạch",
    en: "a row the unit added: a proposed task, not added to the plan",
  },
  "task-missing": { vi: "đơn vị đã xóa dòng nhiệm vụ này khỏi sổ", en: "the unit deleted this task's row" },
  "foreign-column": {
    vi: "cột không thuộc mẫu sổ: giá trị không được đọc",
    en: "a column that is not in the layout: not read",
  },
  "formula-no-value": {
    vi: "ô có công thức nhưng không lưu giá trị: hãy mở bằng Excel, lưu lại rồi gửi",
    en: "a formula saved without its value: open in Excel, save and resend",
  },
  "plan-edit": {
    vi: "đơn vị sửa cột của kế hoạch: đề xuất, sổ tổng hợp giữ nguyên",
    en: "the unit edited a plan column: a proposal, the master keeps its own",
  },
  "not-owned": {
    vi: "nhiệm vụ không do đơn vị này chủ trì: không cập nhật",
    en: "a task this unit does not lead: not applied",
  },
  "unknown-indicator": {
    vi: "chỉ tiêu không có trong sổ tổng hợp: không cập nhật",
    en: "an indicator the master does not have: not applied",
  },
};

function verdictLines(f: FileVerdict): string {
  if (f.status === "refused") return `  ✗ ${f.file}: ${verdictText(f, "vi")}\n    ${verdictText(f, "en")}\n`;
  const counts = `${f.changes.length} giá trị cập nhật, ${f.same.length} trùng sổ tổng hợp, ${f.conflicts.length} xung đột, ${f.listed.length} giá trị liệt kê không cập nhật`;
  const head =
    f.status === "superseded"
      ? `  ↷ ${f.file} (${f.unit}): được thay bằng tệp lưu sau ${f.supersededBy} / superseded by ${f.supersededBy}`
      : `  ✓ ${f.file} (${f.unit})${f.resubmission ? " — lần gửi lại, thay số liệu đơn vị đã gửi trước / a resubmission" : ""}`;
  const lines = [`${head}: ${counts}\n`];
  for (const c of f.conflicts)
    lines.push(
      `    ! ${c.id}${c.column ? `, ${c.column}` : ""}: sổ tổng hợp ${shown(c.master)} ≠ đơn vị ${shown(c.unit)}. ${conflictText("vi")} (plan conflicts --take-unit)\n`,
    );
  for (const l of f.listed) {
    const why = LISTED_VI[l.code];
    lines.push(
      `    • ${l.sheet}${l.address ? `!${l.address}` : ""}${l.id ? ` ${l.id}` : ""}${l.column ? `, ${l.column}` : ""}: ${shown(l.value)} — ${why.vi} / ${why.en}\n`,
    );
  }
  return lines.join("");
}

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
  let unassigned: { id: string; name: string }[] = [];
  try {
    const master = await openValues(p.files[0]!);
    workbooks = await splitWorkbooks(master, {
      period,
      createdAt: nowIso(),
      file: basename(p.files[0]!),
      partners: p.flags.has("--partners"),
      onUnassigned: (list) => (unassigned = list),
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
  if (unassigned.length)
    io.err(
      `Cảnh báo: ${unassigned.length} chỉ tiêu không thuộc sổ đơn vị nào (cột "Cơ quan theo dõi" trống hoặc ghi đơn vị không chủ trì nhiệm vụ nào): ${unassigned
        .slice(0, 5)
        .map((x) => x.id)
        .join(
          ", ",
        )}${unassigned.length > 5 ? ", …" : ""}. Ghi đơn vị theo dõi trong trang Chỉ tiêu rồi tách lại, hoặc tự theo dõi các chỉ tiêu này.\nWarning: ${unassigned.length} indicator(s) are in no unit workbook (no responsible unit that leads a task).\n`,
    );
  const views = workbooks.filter((w) => w.view).length;
  io.err(
    `Đã tách ${workbooks.length - views} sổ đơn vị${views ? ` và ${views} bản xem cho cơ quan phối hợp` : ""} vào ${dir}.\n`,
  );
  return EXIT.ok;
}

export async function mergeCommand(args: string[], io: CliIo): Promise<number> {
  const p = parse(args, ["--out", "--period"], ["--json", "--resubmit", "--force"]);
  const out = p.flags.get("--out");
  if (p.files.length < 2 || typeof out !== "string")
    throw new UsageError(
      "Cách dùng: plan merge SỔ_TỔNG_HỢP.xlsx SỔ_ĐƠN_VỊ.xlsx… --out SỔ_MỚI.xlsx [--period MM/YYYY] [--json] [--force]",
    );
  const [masterPath, ...unitPaths] = p.files as [string, ...string[]];
  if (resolve(out) === resolve(masterPath))
    throw new UsageError("--out phải khác sổ tổng hợp / --out must differ from the master.");
  if (unitPaths.some((u) => resolve(u) === resolve(out)))
    throw new UsageError("--out phải khác các tệp gửi lại / --out must differ from the returned files.");
  const period = periodFlag(p);
  if (refuseOverwrite(out, p, io)) return EXIT.failed;
  // The returned files are read ahead (worker threads) while the master is read.
  const returned = returnedFiles(unitPaths);
  let result: Awaited<ReturnType<typeof mergeWorkbooks>>;
  try {
    const master = await openPackage(masterPath);
    result = await mergeWorkbooks(master, returned.files, {
      now: nowIso(),
      period,
      file: basename(masterPath),
    });
    if (result.mergeId !== null) await master.save(out);
  } finally {
    await returned.close();
  }
  for (const f of result.files) io.err(verdictLines(f));
  const conflicts = result.files.reduce((n, f) => n + (f.status === "accepted" ? f.conflicts.length : 0), 0);
  const listed = result.files.reduce((n, f) => n + (f.status !== "refused" ? f.listed.length : 0), 0);
  const refused = result.files.filter((f) => f.status === "refused").length;
  io.err(
    result.mergeId !== null
      ? `Đã tổng hợp ${result.applied} giá trị vào ${out} (lần ${result.mergeId}); ${conflicts} xung đột giữ cả hai giá trị trong trang Lịch sử; ${listed} giá trị liệt kê ở trên chưa cập nhật; ${refused} tệp bị từ chối.\nMerged ${result.applied} values into ${out}; ${conflicts} conflicts kept; ${listed} values listed above not applied; ${refused} files refused.\n`
      : "Không có tệp nào được tổng hợp; không ghi sổ. / No file was merged; nothing written.\n",
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
            // The code and its parameters for scripts, and the words for people.
            refusal: f.refusal,
            reason: f.refusal ? verdictText(f, "vi") : null,
            reasonEn: f.refusal ? verdictText(f, "en") : null,
            period: f.period ?? null,
            resubmission: Boolean(f.resubmission),
            supersededBy: f.supersededBy ?? null,
            changes: f.changes.length,
            applied: f.changes,
            same: f.same.length,
            conflicts: f.conflicts.map((c) => ({
              id: c.id,
              column: c.column,
              reason: conflictText("vi"),
              master: c.master,
              unit: c.unit,
            })),
            listed: f.listed,
            invalid: f.invalid,
          })),
        },
        null,
        2,
      )}\n`,
    );
  return result.files.some((f) => f.status === "refused") ? EXIT.failed : EXIT.ok;
}

export async function conflictsCommand(args: string[], io: CliIo): Promise<number> {
  const p = parse(args, ["--out", "--id"], ["--take-unit", "--json", "--force"]);
  const out = p.flags.get("--out");
  const take = p.flags.has("--take-unit");
  if (p.files.length !== 1 || (take && typeof out !== "string"))
    throw new UsageError(
      "Cách dùng: plan conflicts SỔ.xlsx [--take-unit [--id MÃ]… --out SỔ_MỚI.xlsx] [--force] [--json]",
    );
  const path = p.files[0]!;
  if (!take) {
    const open = await openConflicts(await openValues(path), basename(path));
    if (p.flags.has("--json")) io.out(`${JSON.stringify(open, null, 2)}\n`);
    else {
      io.out(
        "Mã\tCột\tĐơn vị\tKỳ\tGiá trị đơn vị\tGiá trị sổ tổng hợp\tĐơn vị gửi lúc\tGiá trị sổ tổng hợp do\n",
      );
      for (const c of open)
        io.out(
          `${c.row.id}\t${c.row.column}\t${c.row.unit}\t${c.row.period}\t${shown(c.row.value)}\t${shown(c.now)}\t${c.row.sent || c.row.at}\t${
            c.masterBy
              ? `${c.masterBy.unit} (${c.masterBy.file}, ${c.masterBy.at})`
              : "Cơ quan thường trực nhập trực tiếp vào sổ"
          }\n`,
        );
      io.err(`${open.length} xung đột chưa xử lý / open conflicts.\n`);
    }
    return EXIT.ok;
  }
  if (resolve(out as string) === resolve(path))
    throw new UsageError("--out phải khác sổ đầu vào / --out must differ from the input.");
  if (refuseOverwrite(out as string, p, io)) return EXIT.failed;
  const book = await openPackage(path);
  const r = await takeUnitValues(book, { now: nowIso(), ids: p.all.get("--id"), file: basename(path) });
  if (r.mergeId !== null) await book.save(out as string);
  io.err(
    r.mergeId !== null
      ? `Đã lấy ${r.taken} giá trị của đơn vị vào ${out} (lần ${r.mergeId}, hoàn tác được bằng plan undo). / Took ${r.taken} units' values.\n`
      : "Không có xung đột nào để lấy giá trị đơn vị; không ghi sổ. / No conflict to take; nothing written.\n",
  );
  for (const s of r.skipped)
    io.err(
      `  ! ${s.row.id}, ${s.row.column}: sổ tổng hợp đã sửa lại sau xung đột (${shown(s.now)}), giữ nguyên.\n`,
    );
  return r.mergeId !== null ? EXIT.ok : EXIT.failed;
}

export async function undoCommand(args: string[], io: CliIo): Promise<number> {
  const p = parse(args, ["--out"], ["--force"]);
  const out = p.flags.get("--out");
  if (p.files.length !== 1 || typeof out !== "string")
    throw new UsageError("Cách dùng: plan undo SỔ.xlsx --out SỔ_KHÔI_PHỤC.xlsx [--force]");
  if (resolve(out) === resolve(p.files[0]!))
    throw new UsageError("--out phải khác sổ đầu vào / --out must differ from the input.");
  if (refuseOverwrite(out, p, io)) return EXIT.failed;
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
  if (p.files.length !== 1)
    throw new UsageError("Cách dùng: plan completeness SỔ.xlsx [--period MM/YYYY] [--json]");
  const r = await completenessOf(await openValues(p.files[0]!), periodFlag(p), basename(p.files[0]!));
  const sum = (k: "expected" | "received" | "onTime" | "late" | "missing" | "unchanged") =>
    r.rows.reduce((n, row) => n + row[k], 0);
  const totals = {
    expected: sum("expected"),
    received: sum("received"),
    onTime: sum("onTime"),
    late: sum("late"),
    missing: sum("missing"),
    unchanged: sum("unchanged"),
  };
  if (p.flags.has("--json")) {
    io.out(
      `${JSON.stringify(
        {
          period: r.period,
          units: r.rows,
          totals,
          missingUnits: r.rows.filter((x) => x.missing).map((x) => x.unit),
        },
        null,
        2,
      )}\n`,
    );
    return EXIT.ok;
  }
  const table = [
    ["Đơn vị / Unit", "Phải gửi", "Đã gửi", "Đúng hạn", "Muộn", "Chưa gửi", "Không cập nhật", "Số tệp"],
    ...r.rows.map((x) => [x.unit, x.expected, x.received, x.onTime, x.late, x.missing, x.unchanged, x.files]),
    [
      "Tổng cộng / Total",
      totals.expected,
      totals.received,
      totals.onTime,
      totals.late,
      totals.missing,
      totals.unchanged,
      r.rows.reduce((n, x) => n + x.files, 0),
    ],
  ].map((row) => row.map(String));
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => [...row[c]!].length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ");
  io.out(`Kỳ báo cáo / period: tháng ${monthText(r.period)}\n`);
  io.out(`${line(table[0]!)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n`);
  for (const row of table.slice(1, -1)) io.out(`${line(row)}\n`);
  io.out(`${widths.map((w) => "-".repeat(w)).join("  ")}\n${line(table[table.length - 1]!)}\n`);
  const missing = r.rows.filter((x) => x.missing).map((x) => x.unit);
  io.out(
    missing.length
      ? `Chưa gửi (${missing.length}): ${missing.join("; ")}\n`
      : "Mọi đơn vị đã gửi. / Every unit has reported.\n",
  );
  return EXIT.ok;
}
