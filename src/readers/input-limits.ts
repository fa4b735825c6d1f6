/**
 * Limits checked before any work starts on a file from outside, each with its message naming the
 * file and the limit: the file's size, and for the zip-based Office formats (.xlsx, .docx) the
 * number of entries and their uncompressed size as the zip's directory states them (a 390 KB .docx
 * that inflates to 400 MB is refused before it is inflated).
 */
import JSZip from "jszip";
import { ImportError } from "../core/import/import-error";

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 5_000;
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export function checkFileSize(bytes: Uint8Array, file: string): void {
  if (bytes.length > MAX_FILE_BYTES)
    throw new ImportError(
      `Tệp ${file} lớn ${mib(bytes.length)}, vượt giới hạn ${mib(MAX_FILE_BYTES)}: hãy tách nhỏ tệp.`,
      `${file} is ${mib(bytes.length)}, over the ${mib(MAX_FILE_BYTES)} limit.`,
    );
}

/** Refuses a zip whose directory announces too many entries or too much data; returns it opened. */
export async function checkZip(bytes: Uint8Array, file: string): Promise<JSZip> {
  checkFileSize(bytes, file);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    const kind = /\.docx$/i.test(file) ? "Word (.docx)" : "Excel (.xlsx)";
    throw new ImportError(
      `Tệp ${file} không phải tệp ${kind} hợp lệ hoặc đã hỏng (${(error as Error).message}).`,
      `${file} is not a valid ${kind} file, or is damaged.`,
    );
  }
  const entries = Object.values(zip.files);
  if (entries.length > MAX_ZIP_ENTRIES)
    throw new ImportError(
      `Tệp ${file} chứa ${entries.length} phần, vượt giới hạn ${MAX_ZIP_ENTRIES}: không đọc.`,
      `${file} holds ${entries.length} parts, over the ${MAX_ZIP_ENTRIES} limit.`,
    );
  // The sizes the central directory announces (JSZip keeps them on each entry before inflating).
  const total = entries.reduce(
    (sum, e) =>
      sum + ((e as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0),
    0,
  );
  if (total > MAX_UNCOMPRESSED_BYTES)
    throw new ImportError(
      `Tệp ${file} khi giải nén lớn ${mib(total)}, vượt giới hạn ${mib(MAX_UNCOMPRESSED_BYTES)} (có thể là tệp độc hại): không đọc.`,
      `${file} inflates to ${mib(total)}, over the ${mib(MAX_UNCOMPRESSED_BYTES)} limit: not read.`,
    );
  return zip;
}
