/**
 * Text normalisation shared by every reader (SCHEMA.md "Text normalization"):
 * NFC, no-break and other odd spaces as ordinary whitespace, runs collapsed, trimmed; lines joined
 * with one space, except that a line ending in a hyphen right after a non-space character joins the
 * next line with no space ("57-" + "NQ/TW" -> "57-NQ/TW").
 */
import { remembered } from "../remembered";

const ODD_SPACES = /[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff\t\r\f\v]/g;

/** NFC and ordinary spaces only; line breaks kept. */
export function cleanText(text: string): string {
  return text.normalize("NFC").replace(ODD_SPACES, " ");
}

/** One line of text: NFC, whitespace collapsed, trimmed. */
export function normalizeInline(text: string): string {
  return normalizeSpacing(text.normalize("NFC"));
}

/** normalizeInline for a line of a text already in NFC: whitespace collapsed, trimmed. */
export function normalizeSpacing(text: string): string {
  // Most lines are already clean (single spaces, none at the ends): one test instead of three passes.
  return NEEDS_SPACING.test(text) ? text.replace(ODD_SPACES, " ").replace(/\s+/g, " ").trim() : text;
}

/** Whitespace other than a single space between words, or a zero-width space. */
const NEEDS_SPACING = /[^\S ]|\u200b| {2}|^ | $/;

/** Joins the lines of one cell or paragraph per the hyphen rule, then normalises. */
export function joinLines(lines: readonly string[]): string {
  let out = "";
  for (const raw of lines) {
    const line = normalizeInline(raw);
    if (!line) continue;
    if (!out) out = line;
    else if (/\S-$/.test(out)) out += line;
    else out += ` ${line}`;
  }
  return out;
}

/** True when the text holds nothing but whitespace (including no-break spaces). */
export function isBlank(text: string | null | undefined): boolean {
  return !text || normalizeInline(text) === "";
}

// Header tests fold the same short cells over and over (every row of a long table is asked whether
// it repeats the header): short texts are folded once.
const foldOnce = remembered(fold, 50_000);
const FOLD_CACHE_TEXT = 80;

/** Lower-case, accent-free form for matching header words and keywords. */
export function foldForMatch(text: string): string {
  return text.length > FOLD_CACHE_TEXT ? fold(text) : foldOnce(text);
}

function fold(text: string): string {
  return normalizeInline(text)
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .normalize("NFC");
}
