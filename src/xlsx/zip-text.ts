/**
 * The parts of a package (JSZip), read and written as bytes and text. Text goes through the
 * platform's UTF-8 codec (TextDecoder, TextEncoder: native in Node and in browsers) rather than
 * JSZip's own, which decodes and encodes in JavaScript. A part is inflated by fflate in one call
 * (`inflateRaw`, the same in the CLI and the browser) instead of JSZip's inflate fed in 16 KB chunks;
 * for the merge's 15,000-task master and 150 returned files that was a large share of the run. Parts
 * written here are kept as the bytes given, so reading them back or zipping them costs nothing more.
 * (JSZip stays the package's container, as exceljs's own; the compressed bytes, sizes and CRC of each
 * part are read here from the zip's own central directory when the package is opened.)
 */
import JSZip from "jszip";
import { inflateRaw } from "./zip-writer";

const decoder = new TextDecoder("utf-8");
const encoder = new TextEncoder();

/** A part of a package to zip: its bytes, or its deflated bytes as they were read from a zip. */
export type ZipPart =
  { name: string; data: Uint8Array } | { name: string; deflated: Uint8Array; crc32: number; size: number };

/** A part as the zip's central directory states it, with its compressed bytes. */
interface DirectoryEntry {
  /** 0 stored, 8 deflated. */
  method: number;
  crc32: number;
  size: number;
  compressed: Uint8Array;
}

/** The directory of each package opened with `openPackage`. */
const directories = new WeakMap<JSZip, Map<string, DirectoryEntry>>();

/**
 * The zip's central directory (APPNOTE 4.3.12), by part name: where each part's compressed bytes are,
 * their method, size and CRC. Parts it cannot place (zip64 sizes, an odd header) are left out: they
 * are read through JSZip.
 */
export function zipDirectory(bytes: Uint8Array): Map<string, DirectoryEntry> {
  const out = new Map<string, DirectoryEntry>();
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (v.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) return out;
  const count = v.getUint16(end + 10, true);
  let at = v.getUint32(end + 16, true);
  const utf8 = new TextDecoder("utf-8");
  for (let k = 0; k < count && at + 46 <= bytes.length; k++) {
    if (v.getUint32(at, true) !== 0x02014b50) break;
    const method = v.getUint16(at + 10, true);
    const crc32 = v.getUint32(at + 16, true);
    const compressedSize = v.getUint32(at + 20, true);
    const size = v.getUint32(at + 24, true);
    const nameLength = v.getUint16(at + 28, true);
    const extraLength = v.getUint16(at + 30, true);
    const commentLength = v.getUint16(at + 32, true);
    const local = v.getUint32(at + 42, true);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (compressedSize === 0xffffffff || size === 0xffffffff || local + 30 > bytes.length) continue;
    if (v.getUint32(local, true) !== 0x04034b50) continue;
    const start = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    if (start + compressedSize > bytes.length || (method !== 0 && method !== 8)) continue;
    out.set(name, { method, crc32, size, compressed: bytes.subarray(start, start + compressedSize) });
  }
  return out;
}

/** Opens a package from its bytes: JSZip for its parts, and its directory read once here. */
export async function openPackage(bytes: Uint8Array | ArrayBuffer): Promise<JSZip> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const zip = await JSZip.loadAsync(data);
  directories.set(zip, zipDirectory(data));
  return zip;
}

/** Parts set through `setPartText`/`setPartBytes`, by package. */
const written = new WeakMap<JSZip, Map<string, Uint8Array>>();

function compressed(zip: JSZip, entry: JSZip.JSZipObject): DirectoryEntry | null {
  return directories.get(zip)?.get(entry.name) ?? null;
}

async function entryBytes(zip: JSZip, entry: JSZip.JSZipObject): Promise<Uint8Array> {
  const own = written.get(zip)?.get(entry.name);
  if (own) return own;
  const c = compressed(zip, entry);
  if (c?.method === 0 && c.compressed.length === c.size) return c.compressed;
  if (c?.method === 8) return inflateRaw(c.compressed, c.size);
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
    const c = written.get(zip)?.has(entry.name) ? null : compressed(zip, entry);
    if (c?.method === 8)
      parts.push({ name: entry.name, deflated: c.compressed, crc32: c.crc32, size: c.size });
    else parts.push({ name: entry.name, data: await entryBytes(zip, entry) });
  }
  return parts;
}
