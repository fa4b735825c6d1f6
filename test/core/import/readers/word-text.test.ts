import { parsePlanText } from "../../../../src/core/import/parse-plan";
import { refusalText } from "../../../../src/messages/problem-messages";
import { renderWordText, syntheticTables } from "../../../fixtures/synthetic-plan";

describe("Word text reader", () => {
  it.each([1, 2, 3, 4, 5])("recovers synthetic plan %i exactly", (seed) => {
    const planYear = 2024 + seed;
    const options = {
      seed,
      planYear,
      tables: 1 + (seed % 3),
      rowsPerTable: 5 + seed * 3,
      withSections: seed % 2 === 1,
      withOutput: seed !== 3,
      withNote: seed % 2 === 0,
    };
    const tables = syntheticTables(options);
    const parsed = parsePlanText(renderWordText(tables, planYear), { file: "plan.txt" });
    expect(parsed.plan.planYear).toBe(planYear);
    expect(parsed.plan.tables).toEqual(tables);
    expect(parsed.rowSources.map((s) => s.length)).toEqual(tables.map((t) => t.rows.length));
  });

  it("reads a header split over two rows, multi-line cells and decomposed text", () => {
    const text = [
      "Phụ lục I",
      "NHIỆM VỤ TRỌNG TÂM",
      "",
      "\tTT",
      "\tNội dung",
      "\tCơ quan",
      "\tCơ quan phối hợp",
      "\tThời hạn",
      "",
      "\t",
      "\t",
      "\tchủ trì",
      "\t",
      "\thoàn thành",
      "",
      "\t1.",
      "\tRà soát quy trình",
      "nội bộ và công khai",
      "\tSở Tư pháp, Công an tỉnh",
      "\t\u00a0",
      "\tTha\u0301ng 11/2025".normalize("NFD"),
      "",
    ].join("\n");
    const { plan } = parsePlanText(text, { file: "x.txt", planYear: 2025 });
    expect(plan.tables).toHaveLength(1);
    const table = plan.tables[0]!;
    expect(table.title).toBe("Phụ lục I NHIỆM VỤ TRỌNG TÂM");
    expect(table.kind === "tasks" && table.columns).toEqual([
      "TT",
      "Nội dung",
      "Cơ quan chủ trì",
      "Cơ quan phối hợp",
      "Thời hạn hoàn thành",
    ]);
    expect(table.rows[0]).toMatchObject({
      no: "1",
      task: "Rà soát quy trình nội bộ và công khai",
      lead: ["Sở Tư pháp", "Công an tỉnh"],
      partners: [],
      output: null,
      deadlineText: "Tháng 11/2025",
      dueDate: "2025-11-30",
    });
  });

  it("refuses text in a legacy encoding, naming it", () => {
    const tcvn3 = "KÕ ho¹ch thùc hiÖn nhiÖm vô chuyÓn ®æi sè n¨m 2025 cña Uû ban nh©n d©n x·\n\tTT\n";
    let refused: unknown = null;
    try {
      parsePlanText(tcvn3, { file: "cu.txt" });
    } catch (error) {
      refused = error;
    }
    expect(refusalText(refused, "vi")).toMatch(/Tệp cu\.txt được gõ bằng bảng mã cũ TCVN3/);
    expect(refusalText(refused, "en")).toMatch(/cu\.txt is typed in the legacy TCVN3 encoding/);
  });
});
