/**
 * A worker thread of the merge: reads returned unit workbooks ahead of the merge (see
 * commands/returned-files), each file it claims first, never more than LOOKAHEAD files ahead.
 */
import { parentPort, workerData } from "node:worker_threads";
import {
  FIRST_WORKER,
  FREE,
  LOOKAHEAD,
  TAKEN,
  readReturnedFile,
  type WorkerJob,
} from "./commands/returned-files";

const { paths, shared, worker } = workerData as WorkerJob;
const claims = new Int32Array(shared);
for (let index = 0; index < paths.length; index++) {
  for (
    let taken = Atomics.load(claims, TAKEN);
    index - taken >= LOOKAHEAD;
    taken = Atomics.load(claims, TAKEN)
  )
    Atomics.wait(claims, TAKEN, taken, 1000);
  if (Atomics.compareExchange(claims, 1 + index, FREE, FIRST_WORKER + worker) !== FREE) continue;
  parentPort!.postMessage({ index, outcome: await readReturnedFile(paths[index]!) });
}
