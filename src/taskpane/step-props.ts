import type { WorkbookPort } from "../excel/workbook-port";
import type { Strings } from "./i18n/catalogue";
import type { Notify } from "./import/ImportStep";
import type { JobState } from "./use-job";

/** What every step of the pane receives from the app. */
export interface StepProps {
  strings: Strings;
  workbook: WorkbookPort | null;
  job: JobState;
  notify: Notify;
  describe: (error: unknown) => string;
}
