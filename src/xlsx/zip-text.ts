/**
 * The text of a package part, read and written through the platform's UTF-8 codec (TextDecoder,
 * TextEncoder: native in Node and in browsers) rather than JSZip's own, which decodes and encodes in
 * JavaScript: for a 15,000-row sheet that is most of the time spent on its bytes.
 */
import type JSZip from "jszip";

const decoder = new TextDecoder("utf-8");
const encoder = new TextEncoder();

/** The part's text, or undefined when the package has no such part. */
export async function partText(zip: JSZip, path: string): Promise<string | undefined> {
  const part = zip.file(path);
  return part ? decoder.decode(await part.async("uint8array")) : undefined;
}

/** Sets a part to the given text (stored as UTF-8 bytes). */
export function setPartText(zip: JSZip, path: string, text: string): void {
  zip.file(path, encoder.encode(text));
}
