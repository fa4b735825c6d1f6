/** .xlsx files on disk for the CLI (Node only; the pane works on bytes). */
import { readFile, writeFile } from "node:fs/promises";
import type JSZip from "jszip";
import { ZIP_LEVEL } from "./xlsx-workbook";
import { packageParts } from "./zip-text";
import { zipParts } from "./zip-writer";

export async function readXlsxFile(path: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path));
}

export async function writeXlsxFile(path: string, bytes: Uint8Array): Promise<void> {
  await writeFile(path, bytes);
}

/**
 * Writes a package as an .xlsx file, zipped by Node's own zlib (`zipParts`): parts read from a zip
 * and not changed keep their deflated bytes, changed ones are deflated once. For a merged
 * 15,000-task master that is a small fraction of what JSZip's JavaScript deflate takes.
 */
export async function writeZipFile(path: string, zip: JSZip): Promise<void> {
  await writeFile(path, zipParts(await packageParts(zip), ZIP_LEVEL));
}
