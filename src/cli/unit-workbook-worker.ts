/** A worker thread of the split: writes its share of unit workbooks (see commands/unit-workbook-files). */
import { workerData } from "node:worker_threads";
import { writeUnitFiles, type UnitFileJob } from "./commands/unit-workbook-files";

await writeUnitFiles(workerData as UnitFileJob[]);
