/** .xlsx files on disk for the CLI (Node only; the pane works on bytes). */
import { createWriteStream } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import archiver from "archiver";
import type JSZip from "jszip";
import { ZIP_LEVEL } from "./xlsx-workbook";

export async function readXlsxFile(path: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path));
}

export async function writeXlsxFile(path: string, bytes: Uint8Array): Promise<void> {
  await writeFile(path, bytes);
}

/**
 * Writes a package's parts as an .xlsx file, compressed by Node's own zlib (archiver), which is about
 * ten times faster than the JavaScript deflate JSZip uses in a browser: for a merged 15,000-task
 * master, a tenth of a second instead of one. The parts keep their order; folders are not written.
 */
export async function writeZipFile(path: string, zip: JSZip): Promise<void> {
  const archive = archiver("zip", { zlib: { level: ZIP_LEVEL } });
  const out = createWriteStream(path);
  const done = new Promise<void>((resolve, reject) => {
    out.once("close", resolve);
    out.once("error", reject);
    archive.once("error", reject);
  });
  archive.pipe(out);
  for (const entry of Object.values(zip.files))
    if (!entry.dir)
      archive.append(Buffer.from(await entry.async("uint8array")), { name: entry.name, date: entry.date });
  await archive.finalize();
  await done;
}
