/**
 * A text file's bytes as UTF-8, refused (naming the file) when they are not: a plan saved in a
 * legacy code page would otherwise import as garbled words. Used by the CLI and by the task pane.
 */
import { ImportError } from "../core/import/parse-plan";
import { detectLegacyEncoding } from "../core/text/legacy-encoding";

export function decodeUtf8(bytes: Uint8Array, file: string): string {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  const bad = text.indexOf("\ufffd");
  if (bad >= 0) {
    const line = text.slice(0, bad).split("\n").length;
    // The bytes of a TCVN3 / VNI file read as the 8-bit code page they were typed in.
    const legacy = detectLegacyEncoding(new TextDecoder("windows-1252").decode(bytes));
    throw new ImportError(
      legacy
        ? `Tệp ${file} được gõ bằng bảng mã cũ ${legacy.encoding} (từ dòng ${line}), không phải Unicode. Hãy chuyển sang Unicode (Unikey: Công cụ chuyển mã) rồi nhập lại.`
        : `Tệp ${file} không phải văn bản UTF-8 (từ dòng ${line}). Hãy lưu lại với bảng mã Unicode (UTF-8).`,
      legacy
        ? `${file} is typed in the legacy ${legacy.encoding} encoding (from line ${line}), not Unicode. Convert it and import again.`
        : `${file} is not UTF-8 text (from line ${line}). Save it as Unicode (UTF-8).`,
    );
  }
  return text;
}
