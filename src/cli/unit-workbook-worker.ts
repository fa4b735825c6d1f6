/**
 * A worker thread of the split (see commands/unit-workbook-files): plans the split from the master
 * as the main thread does, then, once told where, writes unit workbooks until none is left; told
 * null, it stops.
 */
import { parentPort, workerData } from "node:worker_threads";
import { planSplit, writeTaken, type SplitSource, type WriteOrder } from "./commands/unit-workbook-files";

const order = new Promise<WriteOrder | null>((resolve) => parentPort!.once("message", resolve));
const planned = planSplit(workerData as SplitSource);
// A plan that fails here fails in the main thread too, which reports it: this worker just stops.
planned.catch(() => undefined);
const go = await order;
if (go) await writeTaken(await planned, go);
