/**
 * A second way to print a plan, unlike the corpus generator's Word files: a gold annotation (the
 * seeds' hand-checked structure, or any plan's) written as an HTML page that LibreOffice Writer
 * prints to PDF. What varies is what real renderings vary in and the generator does not: fonts and
 * sizes, page orientation, column widths, header labels wrapped over two or three lines,
 * justified cell text, section titles spanning the table over two lines, task rows without a TT
 * number under their section row, units listed one per line with a dash. The gold returned is the
 * one the page prints (a blanked TT is blank in it too).
 */
import { mapTaskHeader } from "../../src/core/import/column-map";
import type { PlanJson } from "../../src/core/model/plan";

type Gold = PlanJson;
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** "Thời gian hoàn thành" → "Thời gian hoàn<br>thành": a label broken the way a narrow column breaks it. */
function wrapLabel(label: string, r: () => number): string {
  const words = label.split(" ");
  if (words.length < 3 || r() < 0.4) return esc(label);
  const cut = 1 + Math.floor(r() * (words.length - 1));
  return `${esc(words.slice(0, cut).join(" "))}<br>${esc(words.slice(cut).join(" "))}`;
}

const units = (list: string[]) =>
  list.length > 1 ? list.map((u) => `- ${esc(u)}`).join("<br>") : esc(list[0] ?? "");

export function goldHtml(
  source: Gold,
  seed: number,
  o: { borders?: boolean } = {},
): { html: string; gold: Gold } {
  // Tables without ruling lines ("border=0"), as some offices print them: read from text positions.
  const tableTag =
    o.borders === false
      ? `<table border="0" cellspacing="0" cellpadding="3">`
      : `<table border="1" cellspacing="0" cellpadding="3">`;
  const r = rng(seed);
  const gold = structuredClone(source);
  const font = ["Times New Roman", "Liberation Sans", "DejaVu Serif", "Liberation Serif"][
    Math.floor(r() * 4)
  ];
  const size = [11, 12, 13][Math.floor(r() * 3)];
  const landscape = r() < 0.7;
  const justify = r() < 0.5;
  const blankNumbers = r() < 0.5;
  const parts: string[] = [
    `<html><head><meta charset="utf-8"><style>`,
    `@page { size: A4 ${landscape ? "landscape" : "portrait"}; margin: 2cm 1.5cm; }`,
    `body { font-family: '${font}'; font-size: ${size}pt; }`,
    `table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid black; padding: 2px 4px; vertical-align: top; ${justify ? "text-align: justify;" : ""} }`,
    `</style></head><body>`,
    `<p align="center"><b>KẾ HOẠCH</b></p>`,
  ];
  // Stated targets as a "Mục tiêu cụ thể" section, one bullet each under its milestone's heading.
  const years = [...new Set((gold.targets ?? []).map((t) => t.year))];
  if (years.length) {
    parts.push(`<p><b>II. MỤC TIÊU</b></p>`);
    years.forEach((y, i) => {
      parts.push(`<p><b>2.${i + 1}. Mục tiêu cụ thể đến năm ${y}</b></p>`);
      for (const t of gold.targets.filter((t) => t.year === y))
        parts.push(`<p>${t.no ? `${esc(t.no)} ` : "- "}${esc(t.text)}</p>`);
    });
  }
  parts.push(`<p><b>III. TỔ CHỨC THỰC HIỆN</b></p><p>Các cơ quan, đơn vị triển khai thực hiện.</p>`);
  for (const table of gold.tables) {
    parts.push(`<p style="page-break-before: always" align="center"><b>${esc(table.title)}</b></p>`);
    if (table.kind === "tasks") {
      const cols = table.columns;
      const weights = cols.map((c) =>
        /^s?tt$/i.test(c) ? 0.5 : /nhiệm vụ|nội dung/i.test(c) ? 3 + r() * 2 : 1 + r(),
      );
      const sum = weights.reduce((a, b) => a + b, 0);
      parts.push(
        `${tableTag}<tr>${cols.map((c, i) => `<th width="${Math.round((weights[i]! / sum) * 100)}%">${wrapLabel(c, r)}</th>`).join("")}</tr>`,
      );
      let section: string | null = null;
      for (const row of table.rows) {
        if (row.section !== section && row.sectionTitle) {
          section = row.section;
          parts.push(
            `<tr><td colspan="${cols.length}"><b>${esc(row.section ?? "")}${row.section ? ". " : ""}${esc(row.sectionTitle)}</b></td></tr>`,
          );
        }
        if (blankNumbers && row.section) row.no = "";
        // Each column prints its field as the product maps its label; the extra columns share the
        // note, " | " between them in column order.
        const notes = (row.note ?? "").split(" | ");
        let noteAt = 0;
        const cells = cols.map((c) => {
          switch (mapTaskHeader(c)) {
            case "no":
              return esc(row.no);
            case "task":
              return esc(row.task);
            case "lead":
              return units(row.lead);
            case "partners":
              return units(row.partners);
            case "output":
              return esc(row.output ?? "");
            case "deadline":
              return esc(row.deadlineText);
            default:
              return esc(notes[noteAt++] ?? "");
          }
        });
        parts.push(`<tr>${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`);
      }
      parts.push(`</table>`);
    } else {
      const years = Object.keys(table.rows[0]?.targets ?? {});
      const hasResponsible = table.rows.some((row) => row.responsible);
      parts.push(
        `${tableTag}<tr><th>TT</th><th>${wrapLabel("Tên chỉ tiêu", r)}</th><th>${wrapLabel("Đơn vị tính", r)}</th>${years.map((y) => `<th>${wrapLabel(`Năm ${y}`, r)}</th>`).join("")}${hasResponsible ? `<th>${wrapLabel("Cơ quan chủ trì theo dõi", r)}</th>` : ""}</tr>`,
      );
      let group: string | null = null;
      for (const row of table.rows) {
        if (row.group !== group && row.groupTitle) {
          group = row.group;
          parts.push(
            `<tr><td><b>${esc(row.group ?? "")}</b></td><td colspan="${years.length + (hasResponsible ? 3 : 2)}"><b>${esc(row.groupTitle)}</b></td></tr>`,
          );
        }
        parts.push(
          `<tr><td>${esc(row.no)}</td><td>${esc(row.name)}</td><td>${esc(row.unit)}</td>${years.map((y) => `<td>${esc(row.targets[y] ?? "")}</td>`).join("")}${hasResponsible ? `<td>${esc(row.responsible)}</td>` : ""}</tr>`,
        );
      }
      parts.push(`</table>`);
    }
  }
  parts.push(`</body></html>`);
  return { html: parts.join("\n"), gold };
}
