/**
 * The headless CLI, as a function: argv in, exit code out, text to the given streams.
 * Exit codes: 0 success, 1 the job failed (bad file, bad data), 2 the command line is wrong.
 */
import { PRODUCT } from "../core/product";
import { USAGE } from "./usage";
import { ImportError } from "../core/import/import-error";

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
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    // A bad file or bad data: the reader's message, in Vietnamese and English.
    if (error instanceof ImportError) {
      io.err(`${error.message}\n${error.messageEn}\n`);
      return EXIT.failed;
    }
    io.err(`Lỗi / error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failed;
  }
}
