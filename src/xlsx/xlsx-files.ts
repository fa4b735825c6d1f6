/** .xlsx files on disk for the CLI (Node only; the pane works on bytes). */
import { readFile, writeFile } from "node:fs/promises";

export async function readXlsxFile(path: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path));
}

export async function writeXlsxFile(path: string, bytes: Uint8Array): Promise<void> {
  await writeFile(path, bytes);
}
