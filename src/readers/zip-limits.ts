/**
 * The limits of a zip-based Office file (.xlsx, .docx), checked before it is inflated: the number of
 * entries and their uncompressed size as the zip's directory states them (a 390 KB .docx that
 * inflates to 400 MB is refused before it is inflated). Apart from the other limits so that a page
 * reading pasted text does not load the zip code.
 */
import type JSZip from "jszip";
import { unzipSync } from "fflate";
import { refuse } from "../core/problem";
import { openPackage } from "../xlsx/zip-text";
import { MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES, checkFileSize, mib } from "./input-limits";

/** Refuses a zip whose directory announces too many entries or too much data; returns it opened. */
export async function checkZip(bytes: Uint8Array, file: string): Promise<JSZip> {
  checkFileSize(bytes, file);
  let zip: JSZip;
  try {
    zip = await openPackage(bytes);
  } catch {
    // The zip library's own words ("Can't find end of central directory") tell a clerk nothing.
    const format = /\.docx$/i.test(file) ? "Word (.docx)" : "Excel (.xlsx)";
    throw refuse("zip-damaged", { file, format }, { file });
  }
  const entries = Object.values(zip.files);
  if (entries.length > MAX_ZIP_ENTRIES)
    throw refuse("zip-too-many-parts", { file, count: entries.length, limit: MAX_ZIP_ENTRIES }, { file });
  // The sizes the central directory announces, read by fflate's directory walk (no part inflated).
  const total = announcedSize(bytes);
  if (total > MAX_UNCOMPRESSED_BYTES)
    throw refuse("zip-too-large", { file, size: mib(total), limit: mib(MAX_UNCOMPRESSED_BYTES) }, { file });
  return zip;
}

/** The uncompressed size of every part as the zip's central directory announces it. */
function announcedSize(bytes: Uint8Array): number {
  let total = 0;
  unzipSync(bytes, {
    filter: (f) => {
      total += f.originalSize;
      return false;
    },
  });
  return total;
}
