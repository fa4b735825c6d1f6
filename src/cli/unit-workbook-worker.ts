/** A worker thread of the split: writes its share of unit workbooks (see commands/unit-workbook-files). */
import { workerData } from "node:worker_threads";
import { writeUnitFile, type UnitFileJob } from "./commands/unit-workbook-files";

for (const job of workerData as UnitFileJob[]) await writeUnitFile(job);
