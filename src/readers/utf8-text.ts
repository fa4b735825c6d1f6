/**
 * A text file's bytes as UTF-8, refused (naming the file) when they are not: a plan saved in a
 * legacy code page would otherwise import as garbled words. Used by the CLI and by the task pane.
 */
import { refuse } from "../core/problem";
import { detectLegacyEncoding } from "../core/text/legacy-encoding";

export function decodeUtf8(bytes: Uint8Array, file: string): string {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  const bad = text.indexOf("\ufffd");
  if (bad >= 0) {
    const line = text.slice(0, bad).split("\n").length;
    // The bytes of a TCVN3 / VNI file read as the 8-bit code page they were typed in.
    const legacy = detectLegacyEncoding(new TextDecoder("windows-1252").decode(bytes));
    throw legacy
      ? refuse("text-not-utf8-legacy", { file, encoding: legacy.encoding, line }, { file, line })
      : refuse("text-not-utf8", { file, line }, { file, line });
  }
  return text;
}
