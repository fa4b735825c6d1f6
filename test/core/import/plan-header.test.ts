import { readPlanHeader } from "../../../src/core/import/plan-header";
import { withHeader } from "../../../src/core/workflows/write-tracking-workbook";

const head = (...lines: string[]) => readPlanHeader(lines.join("\n"));

describe("what a plan's head says about itself (for the report's header)", () => {
  it("a province's department under its people's committee, number, place and date, title over two lines", () => {
    const h = head(
      "UBND TỈNH BÌNH NGUYÊN",
      "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 118/KH-SKHCN",
      "Bình Nguyên, ngày 05 tháng 3 năm 2026",
      "KẾ HOẠCH",
      "Triển khai nền tảng số dùng chung",
      "trên địa bàn tỉnh năm 2026",
      "Căn cứ Quyết định số 12/QĐ-UBND ngày 2/1/2026 của UBND tỉnh;",
      "I. MỤC ĐÍCH, YÊU CẦU",
    );
    expect(h).toEqual({
      parentAgency: "UBND TỈNH BÌNH NGUYÊN",
      issuingAgency: "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
      planNumber: "118/KH-SKHCN",
      place: "Bình Nguyên",
      planDate: "2026-03-05",
      planName: "Kế hoạch triển khai nền tảng số dùng chung trên địa bàn tỉnh năm 2026",
    });
  });

  it("a commune's committee written over two lines; a title with words in capitals; a date left blank", () => {
    const h = head(
      "ỦY BAN NHÂN DÂN",
      "XÃ TÂN LẬP",
      "Số:      /KH-UBND",
      "Tân Lập, ngày     tháng 7 năm 2025",
      "KẾ HOẠCH HÀNH ĐỘNG",
      "Thực hiện Đề án chuyển đổi số của huyện giai đoạn 2025-2030",
      "Thực hiện Nghị quyết số 05-NQ/ĐU ngày 10/6/2025 của Đảng ủy xã, Ủy ban nhân dân xã ban hành kế hoạch:",
    );
    expect(h.issuingAgency).toBe("ỦY BAN NHÂN DÂN XÃ TÂN LẬP");
    expect(h.parentAgency).toBeUndefined();
    expect(h.place).toBe("Tân Lập");
    expect(h.planDate).toBeUndefined();
    expect(h.planNumber).toBeUndefined();
    expect(h.planName).toBe("Kế hoạch hành động thực hiện Đề án chuyển đổi số của huyện giai đoạn 2025-2030");
  });

  it("reads nothing from sentences that mention a body, a place or a plan; a decision's number is not the plan's", () => {
    const h = head(
      "Số: 536/QĐ-UBND",
      "Ủy ban nhân dân xã Tân Lập đã ban hành kế hoạch số 12/KH-UBND ngày 3/2/2025.",
      "Theo đó, tại Tân Lập, ngày 3 tháng 2 năm 2025 các phòng đã triển khai.",
    );
    expect(h).toEqual({});
  });
});

describe("the settings an import fills from the plan's head", () => {
  it("fills only what the office left blank, and cites the plan with its number and date", () => {
    const stored = { issuingAgency: "UBND XÃ TÂN LẬP", place: "", planName: null } as Record<string, unknown>;
    const out = withHeader(stored as never, {
      issuingAgency: "ỦY BAN NHÂN DÂN XÃ TÂN LẬP",
      parentAgency: "UBND HUYỆN SƠN HÀ",
      place: "Tân Lập",
      planNumber: "12/KH-UBND",
      planDate: "2025-02-03",
      planName: "Kế hoạch thực hiện Đề án chuyển đổi số",
    });
    expect(out).toMatchObject({
      issuingAgency: "UBND XÃ TÂN LẬP",
      parentAgency: "UBND HUYỆN SƠN HÀ",
      place: "Tân Lập",
      planName: "Kế hoạch số 12/KH-UBND ngày 3/2/2025 thực hiện Đề án chuyển đổi số",
    });
  });
});

describe("where a plan's name ends", () => {
  it("at an appendix or a heading right under the title", () => {
    expect(
      head("KẾ HOẠCH", "Thực hiện nhiệm vụ chuyển đổi số năm 2026", "Phụ lục I", "DANH MỤC NHIỆM VỤ")
        .planName,
    ).toBe("Kế hoạch thực hiện nhiệm vụ chuyển đổi số năm 2026");
    expect(head("KẾ HOẠCH", "Phát triển du lịch xã năm 2026", "MỤC TIÊU VÀ NHIỆM VỤ").planName).toBe(
      "Kế hoạch phát triển du lịch xã năm 2026",
    );
  });
});

describe("a title written in capitals", () => {
  it("goes on while its lines are in capitals, in lower case in the name", () => {
    expect(
      head(
        "KẾ HOẠCH",
        "THỰC HIỆN CHUYỂN ĐỔI SỐ",
        "TRÊN ĐỊA BÀN XÃ NĂM 2026",
        "Căn cứ Luật Tổ chức chính quyền địa phương;",
      ).planName,
    ).toBe("Kế hoạch thực hiện chuyển đổi số trên địa bàn xã năm 2026");
  });
});

describe("heads as web copies of real plans give them", () => {
  it("a two-column header with bars, the date over two lines, a title in capitals with codes and a place", () => {
    const h = head(
      "ỦY BAN NHÂN DÂN |",
      "TỈNH SƠN HÀ |",
      "CỘNG HÒA XÃ HỘI",
      "CHỦ NGHĨA VIỆT NAM |",
      "Số: 77/KH-UBND |",
      "Sơn Hà, ngày 12",
      "tháng 6 năm 2025",
      "KẾ HOẠCH",
      "THỰC HIỆN NGHỊ QUYẾT SỐ 12/NQ-CP CỦA CHÍNH PHỦ VỀ PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ TRÊN ĐỊA BÀN TỈNH SƠN HÀ",
      "Căn cứ Luật Tổ chức chính quyền địa phương;",
    );
    expect(h).toEqual({
      issuingAgency: "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ",
      planNumber: "77/KH-UBND",
      place: "Sơn Hà",
      planDate: "2025-06-12",
      planName:
        "Kế hoạch thực hiện Nghị quyết số 12/NQ-CP của Chính phủ về phát triển kinh tế số và xã hội số trên địa bàn tỉnh Sơn Hà",
    });
  });

  it("'ỦY BAN NHÂN DÂN' with no place under it names no issuer", () => {
    expect(
      head("ỦY BAN NHÂN DÂN |", "CỘNG HÒA XÃ HỘI", "KẾ HOẠCH", "Phát triển du lịch").issuingAgency,
    ).toBeUndefined();
  });
});
