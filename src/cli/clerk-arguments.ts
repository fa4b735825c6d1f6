/**
 * Dates and months on the command line as clerks write them: "14/10/2025", "14-10-2025" or
 * "2025-10-14"; "10/2025", "T10/2025", "tháng 10/2025" or "2025-10". Null when it is none of these.
 */
import { dateFromText } from "../core/merge/clerk-values";
import { foldForMatch } from "../core/text/normalize";

export function dateArgument(text: string): string | null {
  return dateFromText(text);
}

export function periodArgument(text: string): string | null {
  const t = foldForMatch(text).replace(/\s+/g, "");
  const iso = /^(\d{4})-(\d{1,2})$/.exec(t);
  const vi = /^(?:thang|t)?(\d{1,2})[/.-](\d{4})$/.exec(t);
  const [year, month] = iso ? [Number(iso[1]), Number(iso[2])] : vi ? [Number(vi[2]), Number(vi[1])] : [0, 0];
  return month >= 1 && month <= 12 && year >= 1900 ? `${year}-${String(month).padStart(2, "0")}` : null;
}
