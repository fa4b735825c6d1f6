/**
 * A generator of random plans for the import corpus: an issuing agency, a purpose, objectives with
 * stated targets (under year headings, or with the year in the sentence), and one or more appendix
 * tables of tasks (random units, sections, numbering that continues or restarts, short and long
 * cells, lists of partners, deadlines of every shape with their known due dates). It returns the
 * document as blocks (paragraphs and tables of cells, each cell a list of printed lines) and the
 * gold structure (SCHEMA.md) the import must recover. Words are this file's own.
 */
import type { PlanJson, Target, TaskRow, TaskTable } from "../../src/core/model/plan";
import { rng } from "../fixtures/synthetic-plan";

export interface Paragraph {
  kind: "p";
  text: string;
  bold?: boolean;
  center?: boolean;
  /** Starts an appendix page (landscape). */
  appendix?: boolean;
}

export interface TableBlock {
  kind: "table";
  columns: string[];
  /** Body rows: a section row (number and title) or a task row (cells of printed lines). */
  rows: ({ kind: "section"; no: string; title: string } | { kind: "task"; cells: string[][] })[];
}

export type Block = Paragraph | TableBlock;

export interface RandomPlan {
  seed: number;
  blocks: Block[];
  gold: PlanJson;
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
const QUARTER_END = ["03-31", "06-30", "09-30", "12-31"];

const UNIT_TYPES = ["Sở", "Phòng", "Ban", "Trung tâm", "Văn phòng"] as const;
const UNIT_DOMAINS = [
  "Tài chính",
  "Y tế",
  "Giáo dục và Đào tạo",
  "Khoa học và Công nghệ",
  "Nội vụ",
  "Tư pháp",
  "Văn hóa, Thể thao và Du lịch",
  "Công Thương",
  "Xây dựng",
  "Nông nghiệp và Môi trường",
  "Dân tộc và Tôn giáo",
  "Kinh tế – Hạ tầng",
  "Quản lý đô thị",
  "Lao động – Thương binh và Xã hội",
];
const GROUP_UNITS = [
  "Các sở, ban, ngành",
  "Các cơ quan, đơn vị",
  "UBND các xã, phường",
  "Các doanh nghiệp viễn thông",
  "Công an tỉnh",
  "Hội Nông dân",
  "Đoàn Thanh niên",
  "Mặt trận Tổ quốc",
];
const VERBS = [
  "Xây dựng",
  "Ban hành",
  "Rà soát, sửa đổi",
  "Tổ chức triển khai",
  "Nâng cấp",
  "Hướng dẫn",
  "Kiểm tra, đôn đốc",
  "Tuyên truyền",
  "Đầu tư",
  "Vận hành",
  "Số hóa",
  "Thí điểm",
];
const OBJECTS = [
  "hồ sơ thủ tục hành chính",
  "cơ sở dữ liệu dân cư",
  "nền tảng chia sẻ dữ liệu",
  "hệ thống thư điện tử công vụ",
  "quy chế phối hợp liên ngành",
  "mô hình chợ dân sinh không dùng tiền mặt",
  "trạm quan trắc môi trường tự động",
  "phần mềm quản lý hộ tịch",
  "sổ tay hướng dẫn nghiệp vụ",
  "chương trình bồi dưỡng cán bộ cơ sở",
  "cổng thông tin điện tử",
  "bộ chỉ số đánh giá mức độ hài lòng",
];
const QUALIFIERS = [
  "bảo đảm đồng bộ, thống nhất",
  "gắn với cải cách hành chính",
  "theo hướng tinh gọn, hiệu quả",
  "phục vụ người dân và doanh nghiệp",
  "trên địa bàn toàn tỉnh",
  "tại các cơ quan nhà nước các cấp",
  "theo lộ trình được phê duyệt",
  "có sự tham gia của cộng đồng",
];
const RESULTS = [
  "Kế hoạch được phê duyệt",
  "Báo cáo đánh giá",
  "Quyết định ban hành",
  "Hệ thống đi vào vận hành",
  "Văn bản hướng dẫn",
  "Hội nghị sơ kết",
  "",
];
const PART_TITLES = ["NHIỆM VỤ TRỌNG TÂM", "NHIỆM VỤ THƯỜNG XUYÊN", "NHIỆM VỤ ĐỘT PHÁ"];
const SECTION_TITLES = [
  "Hoàn thiện thể chế, cơ chế, chính sách",
  "Phát triển hạ tầng và nền tảng số",
  "Nâng cao chất lượng nguồn nhân lực",
  "Bảo đảm an toàn, an ninh mạng",
  "Đẩy mạnh ứng dụng trong quản lý nhà nước",
  "Thông tin, tuyên truyền",
  "Kiểm tra, giám sát và sơ kết",
];
const TARGET_SUBJECTS = [
  "hồ sơ thủ tục hành chính được giải quyết trực tuyến",
  "hộ gia đình có kết nối cáp quang",
  "cán bộ, công chức được bồi dưỡng kỹ năng số",
  "trường học ứng dụng học bạ số",
  "cơ sở y tế triển khai bệnh án điện tử",
  "doanh nghiệp nhỏ và vừa sử dụng hóa đơn điện tử",
  "người dân trưởng thành có chữ ký số",
  "xã đạt chuẩn nông thôn mới kiểu mẫu",
];

function unitName(r: Rand): string {
  if (r() < 0.2) return pick(r, GROUP_UNITS);
  return `${pick(r, UNIT_TYPES)} ${pick(r, UNIT_DOMAINS)}`;
}

function distinctUnits(r: Rand, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n && i < 20; i++) {
    const u = unitName(r);
    if (!out.includes(u)) out.push(u);
  }
  return out;
}

/** A deadline cell and what it means (SCHEMA.md rules). */
function deadline(
  r: Rand,
  year: number,
): { text: string; due: string | null; recurrence: TaskRow["recurrence"] } {
  const y = year + int(r, 0, 2);
  const m = int(r, 1, 12);
  const q = int(r, 0, 3);
  const lastDay = (yy: number, mm: number) => new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  const month = (yy: number, mm: number) => `${yy}-${String(mm).padStart(2, "0")}-${lastDay(yy, mm)}`;
  switch (int(r, 0, 11)) {
    case 0: {
      const d = int(r, 1, lastDay(y, m));
      return {
        text: `${d}/${m}/${y}`,
        due: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
        recurrence: "none",
      };
    }
    case 1:
      return { text: `Tháng ${m}/${y}`, due: month(y, m), recurrence: "none" };
    case 2:
      return { text: `${m}/${y}`, due: month(y, m), recurrence: "none" };
    case 3:
      return { text: `Quý ${ROMAN[q]}/${y}`, due: `${y}-${QUARTER_END[q]}`, recurrence: "none" };
    case 4:
      return { text: `Quí ${ROMAN[q]}-${y}`, due: `${y}-${QUARTER_END[q]}`, recurrence: "none" };
    case 5:
      return {
        text: `Quý ${ROMAN[q]}/${y} - Quý II/${y + 1}`,
        due: `${y + 1}-06-30`,
        recurrence: "none",
      };
    case 6:
      return {
        text: pick(r, ["Thường xuyên", "Nhiệm vụ thường xuyên", "Thực hiện thường xuyên"]),
        due: null,
        recurrence: "continuous",
      };
    case 7:
      return { text: pick(r, ["Hằng năm", "Hàng năm"]), due: null, recurrence: "yearly" };
    case 8:
      return {
        text: pick(r, ["Hằng quý", "Thường xuyên, định kỳ hằng quý"]),
        due: null,
        recurrence: "quarterly",
      };
    case 9:
      return { text: pick(r, [`${y}`, `Năm ${y}`]), due: `${y}-12-31`, recurrence: "none" };
    case 10:
      return { text: `${y} và những năm tiếp theo`, due: `${y}-12-31`, recurrence: "yearly" };
    default: {
      const end = y + int(r, 2, 5);
      return { text: `${y}–${end}`, due: `${end}-12-31`, recurrence: "none" };
    }
  }
}

function taskText(r: Rand): string {
  const parts = [`${pick(r, VERBS)} ${pick(r, OBJECTS)}`];
  const extra = int(r, 0, 3);
  for (let i = 0; i < extra; i++) parts.push(pick(r, QUALIFIERS));
  return `${parts.join(", ")}${r() < 0.5 ? "." : ""}`;
}

interface ColumnSet {
  no: string;
  task: string;
  lead: string;
  partners: string;
  output: string | null;
  deadline: string;
  note: string | null;
}

function columnSet(r: Rand): ColumnSet {
  return {
    no: pick(r, ["TT", "STT"]),
    task: pick(r, ["Nội dung nhiệm vụ", "Nhiệm vụ", "Tên nhiệm vụ", "Nội dung"]),
    lead: pick(r, ["Cơ quan chủ trì", "Đơn vị chủ trì", "Đơn vị thực hiện"]),
    partners: pick(r, ["Cơ quan phối hợp", "Đơn vị phối hợp"]),
    output: r() < 0.7 ? pick(r, ["Kết quả dự kiến", "Sản phẩm", "Dự kiến kết quả"]) : null,
    deadline: pick(r, ["Thời gian hoàn thành", "Thời gian thực hiện", "Thời hạn hoàn thành"]),
    note: r() < 0.25 ? pick(r, ["Ghi chú", "Lưu ý"]) : null,
  };
}

function taskTable(
  r: Rand,
  year: number,
  index: number,
  pool: string[],
  fixedRows?: number,
): { blocks: Block[]; table: TaskTable } {
  const cs = columnSet(r);
  const columns = [cs.no, cs.task, cs.lead, cs.partners, ...(cs.output ? [cs.output] : []), cs.deadline];
  if (cs.note) columns.push(cs.note);
  const title1 = `Phụ lục ${ROMAN[index]}`;
  const title2 = pick(r, [
    `DANH MỤC NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH NĂM ${year}`,
    `CÁC NHIỆM VỤ TRỌNG TÂM GIAI ĐOẠN ${year}–${year + 5}`,
    `PHÂN CÔNG NHIỆM VỤ CỤ THỂ`,
  ]);
  const sections = r() < 0.8;
  const restart = sections && r() < 0.5;
  const drawn = int(r, 6, r() < 0.15 ? 110 : 28);
  const rowCount = fixedRows ?? drawn;
  const rows: TaskRow[] = [];
  const body: TableBlock["rows"] = [];
  let section = -1;
  let no = 0;
  // Parts A, B, … above some Roman sections; the header row repeated inside the table (a manual
  // page break in Word); both carry no task.
  const parts = sections && r() < 0.3;
  let part = 0;
  const repeatAt = r() < 0.3 ? int(r, 2, rowCount - 1) : -1;
  for (let i = 0; i < rowCount; i++) {
    if (i === repeatAt) body.push({ kind: "task", cells: columns.map((c) => [c]) });
    if (sections && (i === 0 || r() < 0.18) && section < SECTION_TITLES.length - 1) {
      section++;
      if (parts && (section === 0 || r() < 0.5))
        body.push({ kind: "section", no: "ABCDE"[part++]!, title: pick(r, PART_TITLES) });
      body.push({
        kind: "section",
        no: ROMAN[section]!,
        title: SECTION_TITLES[(section + index) % SECTION_TITLES.length]!,
      });
      if (restart) no = 0;
    }
    no++;
    const leadUnits = r() < 0.15 ? distinctUnits(r, 2) : [pick(r, pool)];
    const partnerUnits =
      r() < 0.2 ? [] : distinctUnits(r, int(r, 1, 4)).filter((u) => !leadUnits.includes(u));
    const d = deadline(r, year);
    const output = cs.output ? pick(r, RESULTS) : null;
    const note = cs.note ? (r() < 0.6 ? "" : pick(r, ["Ưu tiên", "Có kinh phí", "Phối hợp chặt chẽ"])) : null;
    const task = taskText(r);
    // Units in a cell: a list ("- X" lines), or joined by commas when each starts with a capital
    // unit type (the unit splitting rule), or one per line.
    const listed = (units: string[]) => {
      if (units.length < 2) return units.length ? [units[0]!] : [""];
      const style = int(r, 0, 2);
      if (style === 0 || units.some((u) => /,/.test(u) || /^\p{Ll}/u.test(u)))
        return units.map((u) => `- ${u}`);
      if (style === 1) return [units.join(", ")];
      return units.map((u, k) => (k < units.length - 1 ? `${u};` : u));
    };
    const cells: string[][] = [
      [`${no}${r() < 0.3 ? "." : ""}`],
      [task],
      listed(leadUnits),
      listed(partnerUnits),
      ...(cs.output ? [[output ?? ""]] : []),
      [d.text],
      ...(cs.note ? [[note ?? ""]] : []),
    ];
    body.push({ kind: "task", cells });
    rows.push({
      section: sections ? ROMAN[section]! : null,
      sectionTitle: sections ? SECTION_TITLES[(section + index) % SECTION_TITLES.length]! : null,
      no: String(no),
      task,
      lead: leadUnits,
      partners: partnerUnits,
      output,
      deadlineText: d.text,
      dueDate: d.due,
      recurrence: d.recurrence,
      note,
    });
  }
  const blocks: Block[] = [
    { kind: "p", text: title1, bold: true, center: true, appendix: true },
    { kind: "p", text: title2, bold: true, center: true },
    { kind: "p", text: `(Kèm theo Kế hoạch số ${int(r, 10, 300)}/KH-UBND)`, center: true },
    { kind: "table", columns, rows: body },
  ];
  return { blocks, table: { kind: "tasks", title: `${title1} ${title2}`, columns, rows } };
}

const COUNTED = [
  "khu công nghệ thông tin tập trung",
  "trung tâm đổi mới sáng tạo",
  "mô hình xã thông minh",
  "sàn giao dịch công nghệ",
  "doanh nghiệp khoa học và công nghệ",
];

/** One target sentence: the words, and what it states. */
function targetSentence(
  r: Rand,
  subject: string,
  year: number,
  inline: "none" | "tail" | "head",
): { sentence: string; comparator: Target["comparator"]; value: number; max: number | null; unit: string } {
  const v = int(r, 3, 19) * 5;
  const shape = int(r, 0, 8);
  if (shape === 8) {
    const n = int(r, 1, 9);
    const noun = pick(r, COUNTED);
    const head = inline === "none" ? "Có" : `Phấn đấu đến năm ${year} có`;
    return { sentence: `${head} ít nhất 0${n} ${noun}.`, comparator: ">=", value: n, max: null, unit: noun };
  }
  const [phrase, comparator, value, max]: [string, Target["comparator"], number, number | null] = [
    [`đạt tối thiểu ${v}%`, ">=", v, null] as const,
    [`đạt ${v}%`, "=", v, null] as const,
    [`đạt từ ${v}% trở lên`, ">=", v, null] as const,
    [`đạt ${v - 5}-${v}%`, "range", v - 5, v] as const,
    [`đạt trên ${v}%`, ">=", v, null] as const,
    [`chiếm ${v}%`, "=", v, null] as const,
    [`phấn đấu trên ${v}%`, ">=", v, null] as const,
    [`đạt ${v - 5}% - ${v}%`, "range", v - 5, v] as const,
  ][shape]! as [string, Target["comparator"], number, number | null];
  const sentence =
    inline === "tail"
      ? `Tỷ lệ ${subject} ${phrase} vào năm ${year}.`
      : inline === "head"
        ? `Đến năm ${year}, tỷ lệ ${subject} ${phrase}.`
        : `Tỷ lệ ${subject} ${phrase}.`;
  return { sentence, comparator, value, max, unit: "%" };
}

/**
 * Objectives with stated targets, in the heading styles plans use: "2. Mục tiêu cụ thể" with
 * "a) Đến năm 2030:" sub-headings, or with the year in each sentence; an unnumbered "Mục tiêu đến
 * năm 2030" over "- " bullets; "Chỉ tiêu chủ yếu" over "a) Đến hết năm 2025: …" lines.
 */
function objectives(r: Rand, year: number): { blocks: Block[]; targets: Target[] } {
  const blocks: Block[] = [
    { kind: "p", text: "II. MỤC TIÊU", bold: true },
    { kind: "p", text: "1. Mục tiêu chung", bold: true },
    {
      kind: "p",
      text: `Tạo chuyển biến rõ nét trong ${pick(r, OBJECTS)}, ${pick(r, QUALIFIERS)}, góp phần phát triển kinh tế - xã hội của địa phương.`,
    },
  ];
  const targets: Target[] = [];
  const years = [year, year + 5].slice(0, int(r, 1, 2));
  const style = int(r, 0, 3);
  let n = 0;
  if (style <= 1) blocks.push({ kind: "p", text: "2. Mục tiêu cụ thể", bold: true });
  if (style === 3) blocks.push({ kind: "p", text: "2. Chỉ tiêu chủ yếu", bold: true });
  for (const [yi, y] of years.entries()) {
    const letter = String.fromCharCode(97 + yi);
    if (style === 0) blocks.push({ kind: "p", text: `${letter}) Đến năm ${y}:` });
    if (style === 2) blocks.push({ kind: "p", text: `${yi + 2}. Mục tiêu đến năm ${y}`, bold: true });
    const count = style === 3 ? 1 : int(r, 2, 5);
    for (let i = 0; i < count; i++) {
      const subject = TARGET_SUBJECTS[(n * 3 + i + yi) % TARGET_SUBJECTS.length]!;
      const inline = style === 1 ? pick(r, ["tail", "head"] as const) : "none";
      const t = targetSentence(r, subject, y, inline);
      n++;
      if (style === 3) {
        blocks.push({ kind: "p", text: `${letter}) Đến hết năm ${y}: ${t.sentence}` });
        targets.push({ no: "", text: t.sentence, year: y, ...pickTarget(t) });
        continue;
      }
      const bullet = style === 2 || r() < 0.5;
      const label = bullet ? "" : `(${n})`;
      blocks.push({ kind: "p", text: bullet ? `- ${t.sentence}` : `${label} ${t.sentence}` });
      targets.push({ no: label, text: t.sentence, year: y, ...pickTarget(t) });
    }
  }
  return { blocks, targets };
}

const pickTarget = (t: ReturnType<typeof targetSentence>) => ({
  comparator: t.comparator,
  value: t.value,
  max: t.max,
  unit: t.unit,
});

const INDICATORS: [string, string][] = [
  ["Tỷ lệ dịch vụ công trực tuyến toàn trình", "%"],
  ["Số doanh nghiệp công nghệ số", "Doanh nghiệp"],
  ["Tỷ lệ hộ gia đình có cáp quang", "%"],
  ["Số trạm phát sóng 5G", "Trạm"],
  ["Tỷ lệ cán bộ được bồi dưỡng kỹ năng số", "%"],
  ["Số nhiệm vụ khoa học cấp tỉnh", "Nhiệm vụ"],
  ["Tỷ lệ văn bản điện tử có chữ ký số", "%"],
  ["Chỉ số hài lòng của người dân", "Điểm"],
];
const GROUPS = ["Hạ tầng và nền tảng", "Nhân lực", "Kinh tế số", "Quản trị số"];

/** An indicator appendix: groups ("1" over "1.1", "1.2"), milestone columns, maybe a unit in charge. */
function indicatorTable(
  r: Rand,
  year: number,
  index: number,
  pool: string[],
): { blocks: Block[]; table: PlanJson["tables"][number] } {
  const count = int(r, 1, 3);
  const years = [year, year + 5, year + 10, year + 20].slice(0, count);
  const yearHeader = pick(r, ["Đến năm {y}", "Năm {y}", "{y}", "Mục tiêu đến năm {y}"]);
  const withResponsible = r() < 0.6;
  const columns = [
    pick(r, ["TT", "STT"]),
    pick(r, ["Chỉ tiêu", "Tên chỉ tiêu", "Nội dung chỉ tiêu"]),
    pick(r, ["Đơn vị tính", "ĐVT"]),
    ...years.map((y) => yearHeader.replace("{y}", String(y))),
    ...(withResponsible ? [pick(r, ["Đơn vị chủ trì", "Cơ quan chủ trì theo dõi"])] : []),
  ];
  const body: TableBlock["rows"] = [];
  const rows: PlanJson["tables"][number]["rows"] = [];
  const grouped = r() < 0.6;
  const groups = grouped ? int(r, 1, 3) : 1;
  let k = 0;
  for (let g = 0; g < groups; g++) {
    const title = GROUPS[(g + index) % GROUPS.length]!;
    if (grouped)
      body.push({
        kind: "task",
        cells: [[String(g + 1)], [title], [""], ...years.map(() => [""]), ...(withResponsible ? [[""]] : [])],
      });
    const items = int(r, 2, 4);
    for (let i = 0; i < items; i++) {
      const [name, unit] = INDICATORS[(k++ + g) % INDICATORS.length]!;
      const no = grouped ? `${g + 1}.${i + 1}` : String(k);
      const values = years.map((_, yi) =>
        r() < 0.15
          ? ""
          : unit === "%"
            ? `${pick(r, ["≥ ", "", "Trên "])}${Math.min(100, 40 + yi * 10 + int(r, 0, 9) * 5)}`
            : `${pick(r, ["≥ ", ""])}${String(int(r, 1, 40)).padStart(2, "0")}`,
      );
      const responsible = withResponsible ? (r() < 0.2 ? "" : pick(r, pool)) : "";
      body.push({
        kind: "task",
        cells: [[no], [name], [unit], ...values.map((v) => [v]), ...(withResponsible ? [[responsible]] : [])],
      });
      rows.push({
        group: grouped ? String(g + 1) : null,
        groupTitle: grouped ? title : null,
        no,
        name,
        unit,
        targets: Object.fromEntries(years.map((y, yi) => [String(y), values[yi]!])),
        responsible,
      } as never);
    }
  }
  const title1 = `Phụ lục ${ROMAN[index]}`;
  const title2 = `CÁC CHỈ TIÊU CỤ THỂ ĐẾN NĂM ${years[years.length - 1]}`;
  return {
    blocks: [
      { kind: "p", text: title1, bold: true, center: true, appendix: true },
      { kind: "p", text: title2, bold: true, center: true },
      { kind: "table", columns, rows: body },
    ],
    table: { kind: "indicators", title: `${title1} ${title2}`, rows } as never,
  };
}

/** `rows`: every task table gets that many rows (for benchmarks); otherwise drawn at random. */
export function randomPlan(seed: number, o: { rows?: number } = {}): RandomPlan {
  const r = rng(seed * 2654435761);
  const year = int(r, 2025, 2027);
  const province = pick(r, ["tỉnh Bình Nguyên", "tỉnh Sơn Hà", "thành phố Hải Đông", "huyện Tân Lập"]);
  const topic = pick(r, [
    "chuyển đổi số",
    "cải cách hành chính",
    "phát triển khoa học, công nghệ và đổi mới sáng tạo",
    "bảo vệ môi trường",
  ]);
  const blocks: Block[] = [
    { kind: "p", text: `ỦY BAN NHÂN DÂN ${province.toLocaleUpperCase("vi")}`, bold: true },
    { kind: "p", text: `Số: ${int(r, 10, 300)}/KH-UBND` },
    { kind: "p", text: "KẾ HOẠCH", bold: true, center: true },
    { kind: "p", text: `Thực hiện nhiệm vụ ${topic} năm ${year}`, bold: true, center: true },
    { kind: "p", text: "I. MỤC ĐÍCH, YÊU CẦU", bold: true },
    {
      kind: "p",
      text: `Triển khai đồng bộ các nhiệm vụ ${topic} trên địa bàn ${province}, phân công rõ trách nhiệm, thời hạn và kết quả.`,
    },
  ];
  const targets: Target[] = [];
  if (r() < 0.75) {
    const o = objectives(r, year);
    blocks.push(...o.blocks);
    targets.push(...o.targets);
  }
  blocks.push(
    { kind: "p", text: "III. TỔ CHỨC THỰC HIỆN", bold: true },
    {
      kind: "p",
      text: "Các cơ quan, đơn vị căn cứ nhiệm vụ được giao tại Phụ lục kèm theo, chủ động triển khai.",
    },
  );
  const pool = distinctUnits(r, int(r, 3, 8));
  const tables: PlanJson["tables"] = [];
  const withIndicators = r() < 0.4;
  if (withIndicators) {
    const made = indicatorTable(r, year, 0, pool);
    blocks.push(...made.blocks);
    tables.push(made.table);
  }
  const count = int(r, 1, 3);
  for (let t = withIndicators ? 1 : 0; t < count + (withIndicators ? 1 : 0); t++) {
    const made = taskTable(r, year, t, pool, o.rows);
    blocks.push(...made.blocks);
    tables.push(made.table);
  }
  return { seed, blocks, gold: { source: `random-${seed}`, planYear: year, tables, targets } };
}
