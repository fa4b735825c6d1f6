/** Excel worksheet names: at most 31 characters, none of : \ / ? * [ ], not blank, unique ignoring case. */
const FORBIDDEN = /[:\\/?*[\]]/g;
export const MAX_SHEET_NAME = 31;

export function cleanSheetName(name: string): string {
  const cleaned = name
    .replace(FORBIDDEN, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "");
  return (cleaned || "Sheet").slice(0, MAX_SHEET_NAME).trim();
}

/** A name not used yet: "Nhiệm vụ", then "Nhiệm vụ (2)", "Nhiệm vụ (3)", ... */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLocaleLowerCase("vi")));
  const base = cleanSheetName(wanted);
  if (!used.has(base.toLocaleLowerCase("vi"))) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!used.has(candidate.toLocaleLowerCase("vi"))) return candidate;
  }
}
