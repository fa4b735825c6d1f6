/**
 * The parts of a package (JSZip), read and written as bytes and text. Text goes through the
 * platform's UTF-8 codec (TextDecoder, TextEncoder: native in Node and in browsers) rather than
 * JSZip's own, which decodes and encodes in JavaScript. A part is inflated by fflate in one call
 * (`inflateRaw`, the same in the CLI and the browser) instead of JSZip's inflate fed in 16 KB chunks;
 * for the merge's 15,000-task master and 150 returned files that was a large share of the run. Parts
 * written here are kept as the bytes given, so reading them back or zipping them costs nothing more.
 * (JSZip stays the package's reader, as exceljs's own; the compressed bytes and sizes of an entry are
 * read from what JSZip keeps of the zip's directory.)
 */
import type JSZip from "jszip";
import { inflateRaw } from "./zip-writer";

const decoder = new TextDecoder("utf-8");
const encoder = new TextEncoder();

/** A part of a package to zip: its bytes, or its deflated bytes as they were read from a zip. */
export type ZipPart =
  { name: string; data: Uint8Array } | { name: string; deflated: Uint8Array; crc32: number; size: number };

/** What JSZip keeps of an entry read from a zip (its central directory and the compressed bytes). */
interface CompressedEntry {
  compressedContent?: unknown;
  uncompressedSize?: number;
  crc32?: number;
  compression?: { magic?: string };
}

const STORED = "\x00\x00";
const DEFLATED = "\x08\x00";

/** Parts set through `setPartText`/`setPartBytes`, by package. */
const written = new WeakMap<JSZip, Map<string, Uint8Array>>();

function compressed(entry: JSZip.JSZipObject): (CompressedEntry & { compressedContent: Uint8Array }) | null {
  const data = (entry as unknown as { _data?: CompressedEntry })._data;
  return data && data.compressedContent instanceof Uint8Array && data.compression
    ? (data as CompressedEntry & { compressedContent: Uint8Array })
    : null;
}

async function entryBytes(zip: JSZip, entry: JSZip.JSZipObject): Promise<Uint8Array> {
  const own = written.get(zip)?.get(entry.name);
  if (own) return own;
  const c = compressed(entry);
  if (c && c.compression?.magic === STORED) return c.compressedContent;
  if (c && c.compression?.magic === DEFLATED && c.uncompressedSize !== undefined)
    return inflateRaw(c.compressedContent, c.uncompressedSize);
  return entry.async("uint8array");
}

/** The part's bytes, or undefined when the package has no such part. */
export async function partBytes(zip: JSZip, path: string): Promise<Uint8Array | undefined> {
  const part = zip.file(path);
  return part ? entryBytes(zip, part) : undefined;
}

/** The part's text, or undefined when the package has no such part. */
export async function partText(zip: JSZip, path: string): Promise<string | undefined> {
  const bytes = await partBytes(zip, path);
  return bytes ? decoder.decode(bytes) : undefined;
}

/** Sets a part to the given bytes. */
export function setPartBytes(zip: JSZip, path: string, bytes: Uint8Array): void {
  zip.file(path, bytes);
  const own = written.get(zip) ?? new Map<string, Uint8Array>();
  written.set(zip, own);
  own.set(path, bytes);
}

/** Sets a part to the given text (stored as UTF-8 bytes). */
export function setPartText(zip: JSZip, path: string, text: string): void {
  setPartBytes(zip, path, encoder.encode(text));
}

/**
 * Every part of the package in order (folders left out), to be zipped: a part read from a zip and
 * not changed keeps its deflated bytes, so it is not inflated and deflated again.
 */
export async function packageParts(zip: JSZip): Promise<ZipPart[]> {
  const parts: ZipPart[] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const c = written.get(zip)?.has(entry.name) ? null : compressed(entry);
    if (c && c.compression?.magic === DEFLATED && c.crc32 !== undefined && c.uncompressedSize !== undefined)
      parts.push({
        name: entry.name,
        deflated: c.compressedContent,
        crc32: c.crc32,
        size: c.uncompressedSize,
      });
    else parts.push({ name: entry.name, data: await entryBytes(zip, entry) });
  }
  return parts;
}
