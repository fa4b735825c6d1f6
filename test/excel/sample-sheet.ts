import type { SheetSpec } from "../../src/core/sheets/sheet-spec";

/** A task-like sheet spec with `rows` rows, for adapter and writer tests. */
export function sampleSheet(rows: number, name = "Nhiệm vụ"): SheetSpec {
  return {
    name,
    tableName: "NhiemVu",
    freezeHeader: true,
    print: { orientation: "landscape", repeatHeader: true },
    columns: [
      { key: "id", header: "Mã", kind: "text", width: 10 },
      { key: "task", header: "Nội dung nhiệm vụ", kind: "text", width: 50, wrap: true },
      { key: "lead", header: "Cơ quan chủ trì", kind: "text", width: 24, wrap: true },
      { key: "due", header: "Hạn hoàn thành", kind: "date", width: 12 },
      { key: "progress", header: "Tiến độ (%)", kind: "integer", width: 10 },
      { key: "status", header: "Trạng thái", kind: "formula", width: 20, filledDown: true },
    ],
    rows: Array.from({ length: rows }, (_, i) => [
      `PL.I.${i + 1}`,
      i % 7 === 0 ? "=Nhiệm vụ bắt đầu bằng dấu bằng" : `Triển khai nhiệm vụ số ${i + 1} về chuyển đổi số`,
      i % 5 === 0 ? "- Phòng Văn hóa – Xã hội" : "Văn phòng HĐND và UBND",
      i % 3 === 0 ? null : "2025-12-31",
      i % 11 === 0 ? null : (i * 7) % 101,
      {
        formula: `=IF(D${i + 2}="","Chưa đến hạn",IF(E${i + 2}>=100,"Xong","Đang làm"))`,
        cached: "Chưa đến hạn",
      },
    ]),
  };
}
