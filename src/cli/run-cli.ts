/**
 * The headless CLI, as a function: argv in, exit code out, text to the given streams.
 * Exit codes: 0 success, 1 the job failed (bad file, bad data), 2 the command line is wrong.
 */
import { PRODUCT } from "../core/product";
import { USAGE, commandUsage } from "./usage";
import { refusalText } from "../messages/problem-messages";

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export class UsageError extends Error {}

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  version: async (args, io) => {
    if (args.length > 0) throw new UsageError(`Lệnh "version" không nhận tham số: ${args.join(" ")}`);
    io.out(`${PRODUCT.version}\n`);
    return EXIT.ok;
  },
  // Each command loads what it needs when it runs: "plan version" loads no reader and no exceljs.
  parse: async (args, io) => (await import("./commands/parse")).parseCommand(args, io),
  build: async (args, io) => (await import("./commands/build")).buildCommand(args, io),
  report: async (args, io) => (await import("./commands/report")).reportCommand(args, io),
  split: async (args, io) => (await import("./commands/unit-workbooks")).splitCommand(args, io),
  merge: async (args, io) => (await import("./commands/unit-workbooks")).mergeCommand(args, io),
  undo: async (args, io) => (await import("./commands/unit-workbooks")).undoCommand(args, io),
  completeness: async (args, io) => (await import("./commands/unit-workbooks")).completenessCommand(args, io),
  conflicts: async (args, io) => (await import("./commands/unit-workbooks")).conflictsCommand(args, io),
  help: async (_args, io) => {
    io.out(USAGE);
    return EXIT.ok;
  },
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err(`Thiếu lệnh / missing command.\n\n${USAGE}`);
    return EXIT.usage;
  }
  const name = first === "--help" || first === "-h" ? "help" : first === "--version" ? "version" : first;
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Lệnh không hợp lệ / unknown command: "${first}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (name !== "help" && (rest.includes("--help") || rest.includes("-h"))) {
    io.out(commandUsage(name) ?? USAGE);
    return EXIT.ok;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    // A bad file or bad data: the reader's message, in Vietnamese and English.
    // A refusal (the core's code, or a reader's message), in Vietnamese and English.
    const refusal = refusalText(error, "vi");
    if (refusal !== null) {
      io.err(`${refusal}\n${refusalText(error, "en")}\n`);
      return EXIT.failed;
    }
    io.err(`${unexpected(error)}\n`);
    return EXIT.failed;
  }
}

/**
 * An error no reader turned into a message (a file system or library error): said in words, with
 * the library's text kept after them for whoever supports the office.
 */
export function unexpected(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const path = e?.path ? ` (${e.path})` : "";
  switch (e?.code) {
    case "ENOENT":
      return `Không tìm thấy tệp hoặc thư mục${path}. / File or folder not found${path}.`;
    case "EACCES":
    case "EPERM":
      return `Không có quyền đọc hoặc ghi${path}: kiểm tra quyền của tệp, thư mục. / Permission denied${path}.`;
    case "EISDIR":
      return `${path.trim()} là một thư mục, không phải tệp. / ${path.trim()} is a folder, not a file.`;
    case "ENOSPC":
      return "Ổ đĩa đã đầy: giải phóng chỗ trống rồi chạy lại. / The disk is full.";
    case "EBUSY":
      return `Tệp đang được chương trình khác mở${path}: đóng tệp rồi chạy lại. / The file is open elsewhere${path}.`;
  }
  const text = error instanceof Error ? error.message : String(error);
  return `Lỗi không mong đợi, công việc chưa hoàn thành; không tệp nào bị thay đổi. Chi tiết cho người hỗ trợ: ${text}\nUnexpected error, the job did not finish; no file was changed. Details: ${text}`;
}
