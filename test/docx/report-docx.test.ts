/**
 * The report as a Word document keeps what clerks typed as they typed it: a line break inside a
 * cell ("Thiếu kinh phí" / "Chờ hướng dẫn") is a line break in the .docx, not a space.
 */
import JSZip from "jszip";
import { Packer } from "docx";
import { RECURRENCE_VI } from "../../src/core/deadlines/recurrence-labels";
import { reportContent } from "../../src/core/report/report-content";
import { reportDocument } from "../../src/core/report/report-document";
import { reportWindow } from "../../src/core/report/report-period";
import type { TaskRowValues } from "../../src/core/sheets/task-sheet";
import { reportDocx } from "../../src/docx/report-docx";
import { TASKS } from "../fixtures/report-fixture";

it("a line break typed in a cell stays a line break in the .docx", async () => {
  const tasks: TaskRowValues[] = TASKS.map((t, i) => ({
    id: `PL1.${i + 1}`,
    task: `Nhiệm vụ mẫu số ${i + 1}`,
    lead: t.lead.join("; "),
    deadlineText: t.deadlineText,
    due: t.due,
    recurrence: RECURRENCE_VI[t.recurrence],
    progress: t.progress ?? null,
    completed: t.completed ?? null,
    updated: t.updated ?? null,
    difficulties: t.difficulties ? "Thiếu kinh phí\nChờ hướng dẫn của cấp trên" : null,
    srcDeadline: t.deadlineText,
    srcDue: t.due,
    srcRecurrence: RECURRENCE_VI[t.recurrence],
  }));
  const content = reportContent({
    tasks,
    indicators: { years: [], rows: [] },
    settings: { reportDate: "2025-10-14", dueSoonDays: 7, cutoffDay: 15, planYear: 2025, submissionDay: 10 },
    window: reportWindow("2025-10", "month", 15)!,
  });
  const doc = reportDocument(content, {
    parentAgency: "",
    issuingAgency: "ỦY BAN NHÂN DÂN XÃ A",
    place: "A",
    reportNumber: "",
    documentCode: "BC-UBND",
    signerCapacity: "TM. ỦY BAN NHÂN DÂN",
    signerTitle: "CHỦ TỊCH",
    signerName: "",
    recipients: "",
    planName: "Kế hoạch mẫu",
  });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(reportDocx(doc)));
  const xml = await zip.file("word/document.xml")!.async("string");
  expect(xml).toMatch(
    /Thiếu kinh phí<\/w:t><\/w:r><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:br\/><w:t[^>]*>Chờ hướng dẫn/,
  );
  expect(xml).not.toContain("Thiếu kinh phí\nChờ");
});
