import type { Recurrence } from "./parse-deadline";

/** How a recurrence reads in a Vietnamese sheet ("" for none). */
export const RECURRENCE_VI: Record<Recurrence, string> = {
  none: "",
  continuous: "Thường xuyên",
  monthly: "Hằng tháng",
  quarterly: "Hằng quý",
  yearly: "Hằng năm",
};
