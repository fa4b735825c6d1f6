/**
 * A text file's bytes as UTF-8, refused (naming the file) when they are not: a plan saved in a
 * legacy code page would otherwise import as garbled words. Used by the CLI and by the task pane.
 */
import { ImportError } from "../core/import/parse-plan";

export function decodeUtf8(bytes: Uint8Array, file: string): string {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (text.includes("\ufffd"))
    throw new ImportError(
      `Tệp ${file} không phải văn bản UTF-8. Hãy lưu lại với bảng mã Unicode (UTF-8).`,
      `${file} is not UTF-8 text. Save it as Unicode (UTF-8).`,
    );
  return text;
}
