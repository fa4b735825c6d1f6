/**
 * The report as a Word document keeps what clerks typed as they typed it: a line break inside a
 * cell ("Thiếu kinh phí" / "Chờ hướng dẫn") is a line break in the .docx, not a space.
 */
import JSZip from "jszip";
import { Packer } from "docx";
import { reportDocx } from "../../src/docx/report-docx";
import { fixtureDocument } from "../fixtures/report-fixture";

it("a line break typed in a cell stays a line break in the .docx", async () => {
  const doc = fixtureDocument({ difficulties: "Thiếu kinh phí\nChờ hướng dẫn của cấp trên" });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(reportDocx(doc)));
  const xml = await zip.file("word/document.xml")!.async("string");
  expect(xml).toMatch(
    /Thiếu kinh phí<\/w:t><\/w:r><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:br\/><w:t[^>]*>Chờ hướng dẫn/,
  );
  expect(xml).not.toContain("Thiếu kinh phí\nChờ");
});
