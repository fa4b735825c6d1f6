/**
 * The text a PDF viewer built on pdf.js copies from a PDF: each page's text items in the order
 * pdf.js gives them, a line break where an item ends a line, nothing between the pages but a line
 * break. Usage: node pdf-copy.mjs FILE.pdf OUT.txt [FILE.pdf OUT.txt …]
 * (An ES module of its own: pdf.js is one, and the test runner cannot load it.)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const args = process.argv.slice(2);
for (let i = 0; i + 1 < args.length; i += 2) {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(args[i])), verbosity: 0 }).promise;
  let text = "";
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    for (const item of content.items) {
      if (!("str" in item)) continue;
      text += item.str;
      if (item.hasEOL) text += "\n";
    }
    text += "\n";
  }
  writeFileSync(args[i + 1], text);
  await doc.destroy();
}
