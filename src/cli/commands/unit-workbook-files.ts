/**
 * Writing the split's unit workbooks to disk (Node). Each workbook is made as a package by
 * `unitWorkbookBytes` (exceljs renders its first rows, the rest are appended, fflate zips it: the
 * browser's split makes each workbook the same way); with more than a handful of files they are
 * shared out between this thread and worker threads (one thread per core, at most four). The workers are started before the master is read
 * (`startUnitWriters`), so that loading their code overlaps the reading and planning; once the
 * workbooks are known each thread, this one included, takes the next file not yet taken (a shared
 * counter) until none is left, so a thread that is slowed down takes fewer files instead of keeping
 * the others waiting. With few files, or where the worker file is not there (the CLI run from its
 * sources), they are all written here.
 */
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { UnitWorkbook } from "../../core/merge/split-plan";
import { unitWorkbookBytes } from "../../xlsx/unit-workbook-package";
import { writeXlsxFile } from "../../xlsx/xlsx-files";
import { workerFile } from "../worker-file";
import { withoutFilledDownCopies } from "../../core/sheets/sheet-spec";

/** Fewer files than this are written in this thread: starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 12;
const MAX_WORKERS = 4;

export interface UnitFileJob {
  path: string;
  workbook: UnitWorkbook;
}

/** What a worker is sent once the workbooks are known: every job, and the counter of jobs taken. */
export interface UnitWriterJobs {
  jobs: UnitFileJob[];
  shared: SharedArrayBuffer;
}

/** Writes jobs until none is left, taking each next one from the shared counter (any thread). */
export async function writeTakenJobs({ jobs, shared }: UnitWriterJobs): Promise<void> {
  const next = new Int32Array(shared);
  for (let i = Atomics.add(next, 0, 1); i < jobs.length; i = Atomics.add(next, 0, 1)) {
    const job = jobs[i]!;
    await writeXlsxFile(job.path, await unitWorkbookBytes(job.workbook));
  }
}

export interface UnitWriters {
  /** Writes every workbook to `dir`; resolves when all are on disk, fails on the first error. */
  write(dir: string, workbooks: readonly UnitWorkbook[]): Promise<void>;
  /** Stops workers that were not given anything to do (call whatever the outcome). */
  close(): Promise<void>;
}

/**
 * Starts the writer threads when `many` workbooks are expected (a guess made before the master is
 * read; otherwise none). The workers wait for their jobs; `write` hands them out.
 */
export function startUnitWriters(many: boolean): UnitWriters {
  const file = workerFile("unit-workbook-worker");
  const count = many ? Math.min(MAX_WORKERS, availableParallelism()) - 1 : 0;
  const workers: { worker: Worker; done: Promise<void> }[] = [];
  for (let w = 0; file && w < count; w++) {
    const worker = new Worker(file);
    const done = new Promise<void>((resolve, reject) => {
      worker.once("error", reject);
      worker.once("exit", (code) =>
        code === 0 ? resolve() : reject(new Error(`unit workbook writer stopped (${code})`)),
      );
    });
    // Until the jobs are sent, a failure is only reported when the workers are awaited.
    done.catch(() => undefined);
    workers.push({ worker, done });
  }
  let sent = false;
  return {
    async write(dir, workbooks) {
      const jobs = workbooks.map((w) => ({ path: join(dir, w.fileName), workbook: w }));
      const shared = new SharedArrayBuffer(4);
      const helpers = jobs.length >= MIN_FILES_FOR_WORKERS ? workers : [];
      sent = true;
      // The workers are sent the sheets without the copies of filled-down formulas (a message is
      // copied whole for each worker).
      const compact = helpers.length
        ? jobs.map((j) => ({
            ...j,
            workbook: { ...j.workbook, specs: j.workbook.specs.map(withoutFilledDownCopies) },
          }))
        : [];
      for (const { worker } of workers)
        worker.postMessage(helpers.length ? ({ jobs: compact, shared } satisfies UnitWriterJobs) : null);
      await Promise.all([writeTakenJobs({ jobs, shared }), ...helpers.map((h) => h.done)]);
    },
    async close() {
      if (!sent) for (const { worker } of workers) worker.postMessage(null);
      await Promise.allSettled(workers.map((w) => w.done));
    },
  };
}
