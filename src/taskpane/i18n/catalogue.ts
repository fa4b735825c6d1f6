import { vi } from "./vi";
import { en } from "./en";

export type Strings = { [K in keyof typeof vi]: string };
export type Language = "vi" | "en";
export type StringKey = keyof Strings;

export const CATALOGUES: Record<Language, Strings> = { vi, en };

/** The language a catalogue is in: the one its messages (src/messages) are worded in too. */
export function languageOf(strings: Strings): Language {
  return strings.languageCode === "en" ? "en" : "vi";
}

/** Fills {placeholders} in a catalogue string. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

const STORAGE_KEY = "plan-tracker.language";

export function savedLanguage(storage: Pick<Storage, "getItem"> | undefined): Language {
  try {
    return storage?.getItem(STORAGE_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

export function saveLanguage(storage: Pick<Storage, "setItem"> | undefined, language: Language): void {
  try {
    storage?.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be blocked in some Office hosts; the choice then lasts for this session only.
  }
}
