/**
 * The merge's returned files, read ahead in worker threads while this thread reads the master and
 * checks the files already read. Reading 150 unit workbooks (unzip, sheet XML to values) is most of
 * a merge's work and each file is independent; the merge itself must take them one at a time, in
 * order. So every file is claimed once, by a worker or by this thread when its turn comes before a
 * worker got to it (a shared array of claims), and workers run at most LOOKAHEAD files ahead of the
 * merge, so that memory holds some tens of files' values, not all of them. Whoever reads a file, it is read
 * the same way (readReturnedFile) and handed to the merge as a read-only port over its values.
 */
import { availableParallelism } from "node:os";
import { basename } from "node:path";
import { Worker } from "node:worker_threads";
import { ProblemError, isProblemError, refuse, type ErrorCode, type Problem } from "../../core/problem";
import { SheetValuesPort, type ReadSheet } from "../../core/workflows/sheet-values-port";
import type { ReturnedFile } from "../../core/workflows/unit-workbooks";
import { SHEET } from "../../core/sheets/workbook-layout";
import { workerFile } from "../worker-file";
import { openValues } from "./open-workbook";

/** Fewer files than this are read in this thread: starting a worker costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 8;
const MAX_WORKERS = 3;
export { LOOKAHEAD } from "./read-ahead";

/** Why a file or sheet cannot be read: a plain code and parameters, sent across threads as it is. */
type Failure = Problem<ErrorCode>;
export type ReadOutcome = { modified: string | null; sheets: ReadSheet[] } | { error: Failure };

const failure = (error: unknown, path: string): Failure =>
  isProblemError(error)
    ? error.problem
    : refuse("file-unreadable", { file: basename(path), detail: String((error as Error)?.message ?? error) })
        .problem;

/** Every sheet of one returned file, or why the file cannot be read (in any thread). */
export async function readReturnedFile(path: string): Promise<ReadOutcome> {
  try {
    const book = await openValues(path);
    const sheets: ReadSheet[] = [];
    for (const name of await book.sheetNames()) {
      try {
        // Flags (percent formats, formulas without values) only where clerks type.
        if (name === SHEET.tasks || name === SHEET.indicators) {
          const cells = await book.readCells(name);
          sheets.push({ name, values: cells?.values ?? [], flags: cells?.flags });
        } else sheets.push({ name, values: (await book.readSheet(name)) ?? [] });
      } catch (error) {
        sheets.push({ name, error: failure(error, path) });
      }
    }
    return { modified: book.modified, sheets };
  } catch (error) {
    return { error: failure(error, path) };
  }
}

/**
 * The shared array: slot 0 counts the files the merge has taken; slot 1 + i says who claimed file i
 * (FREE, this thread, or worker w as FIRST_WORKER + w).
 */
export const TAKEN = 0;
export const FREE = 0;
const BY_MAIN = 1;
export const FIRST_WORKER = 2;

export interface WorkerJob {
  paths: string[];
  shared: SharedArrayBuffer;
  /** This worker's number (its claims are FIRST_WORKER + worker). */
  worker: number;
}

export interface ReturnedFiles {
  files: ReturnedFile[];
  /** Stops the workers (call when the merge is over, whatever its outcome). */
  close(): Promise<void>;
}

function portOf(
  path: string,
  outcome: ReadOutcome,
): { port: SheetValuesPort; savedOn: string | null; savedAt: string | null } {
  if ("error" in outcome) throw new ProblemError(outcome.error);
  return {
    port: new SheetValuesPort(outcome.sheets, basename(path)),
    savedOn: outcome.modified?.slice(0, 10) ?? null,
    savedAt: outcome.modified ?? null,
  };
}

export function returnedFiles(paths: readonly string[]): ReturnedFiles {
  const file = workerFile("returned-file-worker");
  const threads = Math.min(MAX_WORKERS, availableParallelism() - 1);
  const local = (path: string) => async () => portOf(path, await readReturnedFile(path));
  if (!file || threads < 1 || paths.length < MIN_FILES_FOR_WORKERS)
    return {
      files: paths.map((path) => ({ name: basename(path), open: local(path) })),
      close: async () => {},
    };

  const shared = new SharedArrayBuffer(4 * (paths.length + 1));
  const claims = new Int32Array(shared);
  const delivered = new Map<number, ReadOutcome>();
  const waiting = new Map<number, (outcome: ReadOutcome | null) => void>();
  const stopped = new Set<number>();
  const workers = Array.from({ length: threads }, (_, w) => {
    const job: WorkerJob = { paths: [...paths], shared, worker: w };
    const worker = new Worker(file, { workerData: job });
    worker.on("message", ({ index, outcome }: { index: number; outcome: ReadOutcome }) => {
      const wake = waiting.get(index);
      waiting.delete(index);
      if (wake) wake(outcome);
      else delivered.set(index, outcome);
    });
    // A worker that stops (done, or failed) leaves what it claimed and did not deliver to this
    // thread: read again, here.
    worker.once("exit", () => {
      stopped.add(w);
      for (const [index, wake] of [...waiting])
        if (claims[1 + index] === FIRST_WORKER + w) {
          waiting.delete(index);
          wake(null);
        }
    });
    worker.on("error", () => {});
    return worker;
  });
  const files = paths.map((path, index) => ({
    name: basename(path),
    open: async () => {
      Atomics.add(claims, TAKEN, 1);
      Atomics.notify(claims, TAKEN);
      if (Atomics.compareExchange(claims, 1 + index, FREE, BY_MAIN) === FREE) return local(path)();
      const ready = delivered.get(index);
      delivered.delete(index);
      const claimer = Atomics.load(claims, 1 + index) - FIRST_WORKER;
      const outcome =
        ready ??
        (stopped.has(claimer)
          ? null
          : await new Promise<ReadOutcome | null>((resolve) => waiting.set(index, resolve)));
      return outcome ? portOf(path, outcome) : local(path)();
    },
  }));
  return {
    files,
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
