import { format, languageOf, type Strings } from "./i18n/catalogue";
import { refusalText } from "../messages/problem-messages";

/** Turns an exception into a sentence for the clerk, in the pane's language. */
export function describeError(error: unknown, strings: Strings): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  if (code === "ItemNotFound" || code === "InvalidSelection") return strings.errorNoSelection;
  // A refused file or request: the core's code or the reader's message, in the pane's language.
  const refusal = refusalText(error, languageOf(strings));
  if (refusal !== null) return refusal;
  const message = error instanceof Error ? error.message : String(error);
  return format(strings.errorUnexpected, { message });
}

export function isCancellation(error: unknown): boolean {
  return error instanceof Error && (error.name === "CancelledError" || error.name === "AbortError");
}
