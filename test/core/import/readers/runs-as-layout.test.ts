/**
 * A borderless PDF's text runs printed as layout text: runs at the character column of their x
 * position, a blank line where rows are spaced apart, a form feed at a new page; and the layout
 * reader reads the table from it.
 */
import { readLayoutText } from "../../../../src/core/import/readers/layout-text";
import type { PdfRun } from "../../../../src/core/import/readers/pdf-lattice";
import { layoutLinesOf } from "../../../../src/core/import/readers/runs-as-layout";

/** A run of text at x (points), on a baseline `top`, 5 points per character. */
const run = (text: string, x: number, top: number, page = 1): PdfRun => ({
  text,
  x,
  right: x + text.length * 5,
  top,
  height: 10,
  page,
});

describe("a borderless PDF's runs as layout text", () => {
  it("places runs by their x, leaves a blank line between spaced rows and a form feed at a new page", () => {
    const lines = layoutLinesOf([
      run("TT", 50, 100),
      run("Nội dung nhiệm vụ", 80, 100),
      run("Đơn vị chủ trì", 300, 100),
      run("1", 50, 130),
      run("Rà soát hồ sơ", 80, 130),
      run("Văn phòng", 300, 130),
      run("2", 50, 100, 2),
      run("Lập báo cáo", 80, 100, 2),
      run("Công an xã", 300, 100, 2),
    ]);
    expect(lines).toEqual([
      "TT    Nội dung nhiệm vụ                           Đơn vị chủ trì",
      "",
      "1     Rà soát hồ sơ                               Văn phòng",
      "\f2     Lập báo cáo                                 Công an xã",
    ]);
  });

  it("gives the layout reader a table it reads", () => {
    const runs: PdfRun[] = [
      run("TT", 50, 100),
      run("Nội dung nhiệm vụ", 80, 100),
      run("Đơn vị chủ trì", 300, 100),
      run("Thời hạn", 420, 100),
    ];
    const tasks = [
      "Rà soát hồ sơ",
      "Lập báo cáo",
      "Số hóa sổ hộ tịch",
      "Tập huấn kỹ năng số",
      "Mở chuyên mục",
      "Kiểm tra an toàn",
    ];
    tasks.forEach((t, i) => {
      const top = 130 + i * 30;
      runs.push(
        run(String(i + 1), 50, top),
        run(t, 80, top),
        run("Văn phòng", 300, top),
        run("Năm 2026", 420, top),
      );
    });
    const rows = readLayoutText(layoutLinesOf(runs), "kh.pdf").items.filter((i) => i.kind === "row");
    expect(rows.map((r) => (r.kind === "row" ? r.cells.map((c) => c.lines.join(" ")) : []))).toEqual([
      ["TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"],
      ...tasks.map((t, i) => [String(i + 1), t, "Văn phòng", "Năm 2026"]),
    ]);
  });
});
