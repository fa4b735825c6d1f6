/**
 * A worker thread of the split: started before the master is read, it waits for the jobs and writes
 * unit workbooks until none is left (see commands/unit-workbook-files); null means nothing to do.
 */
import { parentPort } from "node:worker_threads";
import { writeTakenJobs, type UnitWriterJobs } from "./commands/unit-workbook-files";

parentPort!.once("message", async (jobs: UnitWriterJobs | null) => {
  if (jobs) await writeTakenJobs(jobs);
});
