import { CATALOGUES, format, type Strings } from "./i18n/catalogue";

/** Turns an exception into a sentence for the clerk, in the pane's language. */
export function describeError(error: unknown, strings: Strings): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  if (code === "ItemNotFound" || code === "InvalidSelection") return strings.errorNoSelection;
  // A refused file or request carries its own message in both languages.
  if (error instanceof Error && error.name === "ImportError" && "messageEn" in error)
    return strings === CATALOGUES.en ? String(error.messageEn) : error.message;
  const message = error instanceof Error ? error.message : String(error);
  return format(strings.errorUnexpected, { message });
}

export function isCancellation(error: unknown): boolean {
  return error instanceof Error && (error.name === "CancelledError" || error.name === "AbortError");
}
