/**
 * What an .xlsx from outside is, from its name and first bytes, before it is opened: the old binary
 * .xls, a macro-enabled .xlsm, a password-protected file (an encrypted OOXML file is an OLE
 * container, not a zip), or not a zip at all: the code of the refusal, worded by the hosts.
 */
import type { ReadErrorCode } from "../core/problem";
/**
 * An OLE compound file: how an encrypted (password-protected) .xlsx or .docx is stored, and the old
 * binary .xls / .doc.
 */
export function isOleContainer(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

export function xlsxBytesProblem(name: string, bytes: Uint8Array): ReadErrorCode | null {
  const ext = /\.[^.]+$/.exec(name)?.[0]?.toLowerCase() ?? "";
  if (ext === ".xls") return "xlsx-old-xls";
  if (ext === ".ods" || ext === ".ots") return "xlsx-ods";
  if (ext === ".xlsm") return "xlsx-macro";
  if (isOleContainer(bytes)) return "xlsx-encrypted";
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return "xlsx-not-zip";
  return null;
}
