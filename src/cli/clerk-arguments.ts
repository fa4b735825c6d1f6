/**
 * Dates and months on the command line as clerks write them: "14/10/2025", "14-10-2025" or
 * "2025-10-14"; "10/2025", "T10/2025", "tháng 10/2025" or "2025-10". Null when it is none of these.
 */
import { dateFromText } from "../core/merge/clerk-values";
import { monthFromText } from "../core/periods/reporting-period";

export function dateArgument(text: string): string | null {
  return dateFromText(text);
}

export function periodArgument(text: string): string | null {
  return monthFromText(text);
}
