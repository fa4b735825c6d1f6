/**
 * The split, from the master on disk to the unit workbooks on disk (Node). Each workbook is
 * rendered by exceljs and compressed, which is CPU work of its own per file, so with a large master
 * the work is shared between this thread and worker threads (one per core, at most four):
 * - the workers start with the command and each reads the master and plans the split itself, as
 *   this thread does (the same inputs give the same workbooks; the file names are checked): sending
 *   them the planned workbooks would copy every sheet of every unit to each of them;
 * - once this thread has checked that no file would be overwritten, every thread, this one
 *   included, takes the next workbook not yet taken (a shared counter) until none is left, so a
 *   thread that is slowed down writes fewer files instead of keeping the others waiting.
 * With a small master, or where the worker file is not there (the CLI run from its sources),
 * everything is done here.
 */
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { UnitWorkbook } from "../../core/merge/split-plan";
import { splitWorkbooks, writeUnitWorkbook } from "../../core/workflows/unit-workbooks";
import { XlsxWorkbook } from "../../xlsx/xlsx-workbook";
import { workerFile } from "../worker-file";
import { openValues } from "./open-workbook";

const MAX_WORKERS = 4;

export interface SplitSource {
  masterPath: string;
  options: Parameters<typeof splitWorkbooks>[1];
}

/** What a worker is told once the files may be written: where, which, and the counter of files taken. */
export interface WriteOrder {
  dir: string;
  fileNames: string[];
  shared: SharedArrayBuffer;
}

/** The split's workbooks, planned from the master file (in any thread). */
export async function planSplit(source: SplitSource): Promise<UnitWorkbook[]> {
  return splitWorkbooks(await openValues(source.masterPath), source.options);
}

/** Writes workbooks until none is left, taking each next one from the shared counter (any thread). */
export async function writeTaken(workbooks: readonly UnitWorkbook[], order: WriteOrder): Promise<void> {
  const names = workbooks.map((w) => w.fileName);
  if (names.length !== order.fileNames.length || names.some((n, i) => n !== order.fileNames[i]))
    throw new Error("unit workbook writer: the split planned here differs from the main thread's");
  const next = new Int32Array(order.shared);
  for (let i = Atomics.add(next, 0, 1); i < workbooks.length; i = Atomics.add(next, 0, 1)) {
    const book = new XlsxWorkbook();
    await writeUnitWorkbook(book, workbooks[i]!);
    await book.save(join(order.dir, workbooks[i]!.fileName));
  }
}

export interface UnitWriters {
  /** Writes every workbook to `dir`; resolves when all are on disk, fails on the first error. */
  write(dir: string, workbooks: readonly UnitWorkbook[]): Promise<void>;
  /** Stops workers that were given nothing to do (call whatever the outcome). */
  close(): Promise<void>;
}

/**
 * Starts `helpers` writer threads (capped by the cores; 0 starts none), each planning the split
 * from the master while this thread does; `write` lets them write.
 */
export function startUnitWriters(source: SplitSource, helpers: number): UnitWriters {
  const file = workerFile("unit-workbook-worker");
  const count = file ? Math.min(helpers, MAX_WORKERS - 1, availableParallelism() - 1) : 0;
  const workers = Array.from({ length: Math.max(0, count) }, () => {
    const worker = new Worker(file!, { workerData: source });
    const done = new Promise<void>((resolve, reject) => {
      worker.once("error", reject);
      worker.once("exit", (code) =>
        code === 0 ? resolve() : reject(new Error(`unit workbook writer stopped (${code})`)),
      );
    });
    // Until the order is sent, a failure only counts when the workers are awaited.
    done.catch(() => undefined);
    return { worker, done };
  });
  let sent = false;
  return {
    async write(dir, workbooks) {
      const order: WriteOrder = {
        dir,
        fileNames: workbooks.map((w) => w.fileName),
        shared: new SharedArrayBuffer(4),
      };
      sent = true;
      for (const { worker } of workers) worker.postMessage(order);
      await Promise.all([writeTaken(workbooks, order), ...workers.map((w) => w.done)]);
    },
    async close() {
      if (!sent) for (const { worker } of workers) worker.postMessage(null);
      await Promise.allSettled(workers.map((w) => w.done));
    },
  };
}
