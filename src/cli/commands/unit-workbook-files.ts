/**
 * Writing the split's unit workbooks to disk (Node). Each workbook is rendered by exceljs and
 * compressed, which is CPU work of its own per file: with more than a handful of files they are
 * shared out between this thread and worker threads (one thread per core, at most four), each
 * writing its share; with few files, or where the worker file is not there (the CLI run from its
 * sources), they are all written here.
 */
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { UnitWorkbook } from "../../core/merge/split-plan";
import { writeUnitWorkbook } from "../../core/workflows/unit-workbooks";
import { XlsxWorkbook } from "../../xlsx/xlsx-workbook";
import { workerFile } from "../worker-file";

/** Fewer files than this are written in this thread: starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 12;
const MAX_WORKERS = 4;

export interface UnitFileJob {
  path: string;
  workbook: UnitWorkbook;
}

/** Writes a share of the files, one after the other (this thread's, or a worker's). */
export async function writeUnitFiles(jobs: readonly UnitFileJob[]): Promise<void> {
  for (const job of jobs) {
    const book = new XlsxWorkbook();
    await writeUnitWorkbook(book, job.workbook);
    await book.save(job.path);
  }
}

/** Writes every workbook to `dir`; resolves when all are on disk, fails on the first error. */
export async function writeUnitWorkbooks(dir: string, workbooks: readonly UnitWorkbook[]): Promise<void> {
  const jobs = workbooks.map((w) => ({ path: join(dir, w.fileName), workbook: w }));
  const file = workerFile("unit-workbook-worker");
  const threads = Math.min(
    MAX_WORKERS,
    availableParallelism(),
    Math.ceil(jobs.length / MIN_FILES_FOR_WORKERS),
  );
  if (!file || threads < 2) return writeUnitFiles(jobs);
  // Every thread takes every n-th file: the shares come out even when the units are of like size.
  const [own, ...shares] = Array.from({ length: threads }, (_, t) =>
    jobs.filter((_, i) => i % threads === t),
  );
  await Promise.all([
    writeUnitFiles(own!),
    ...shares.map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(file, { workerData: share });
          worker.once("error", reject);
          worker.once("exit", (code) =>
            code === 0 ? resolve() : reject(new Error(`unit workbook writer stopped (${code})`)),
          );
        }),
    ),
  ]);
}
