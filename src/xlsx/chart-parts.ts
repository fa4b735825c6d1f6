/**
 * Native Excel charts in an .xlsx written by exceljs (which writes none): the chart and drawing
 * parts of SpreadsheetML/DrawingML added to the package after exceljs has written it, each chart
 * reading ranges of its sheet, so Excel and LibreOffice draw it from the cells.
 */
import type { DocChart } from "../core/sheets/document-spec";
import { openPackage, partText, setPartText } from "./zip-text";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const abs = (range: string) => range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

function chartXml(sheet: string, c: DocChart): string {
  const ref = (r: string) => `${esc(quoted(sheet))}!${abs(r)}`;
  const series = c.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${esc(s.name)}</c:v></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${s.color.slice(1)}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${ref(c.categories)}</c:f></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${ref(s.values)}</c:f></c:numRef></c:val></c:ser>`,
    )
    .join("");
  const stacked = c.kind === "barStacked";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1200" b="1"><a:latin typeface="Times New Roman"/></a:defRPr></a:pPr><a:r><a:rPr lang="vi-VN" sz="1200" b="1"><a:latin typeface="Times New Roman"/></a:rPr><a:t>${esc(c.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="60"/>${stacked ? `<c:overlap val="100"/>` : ""}<c:axId val="500100"/><c:axId val="500200"/></c:barChart>` +
    `<c:catAx><c:axId val="500100"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500200"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500200"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500100"/><c:crosses val="autoZero"/><c:crossBetween val="between"/><c:majorUnit val="1"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** A chart to put into the package: its part and its anchor on the sheet (given the relationship id). */
export interface ChartPart {
  sheet: string;
  chartXml: string;
  anchorXml: (rel: string, id: number) => string;
}

export function docChartPart(sheet: string, chart: DocChart): ChartPart {
  return { sheet, chartXml: chartXml(sheet, chart), anchorXml: (rel, id) => anchorXml(chart, rel, id) };
}

function anchorXml(chart: DocChart, rel: string, id: number): string {
  {
    const a = chart.anchor;
    return (
      `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${a.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:to><xdr:col>${a.col + a.cols}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row + a.rows}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="${esc(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
      `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${rel}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  }
}

function drawingXml(anchors: string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    anchors.join("") +
    `</xdr:wsDr>`
  );
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Adds the charts to the package; `charts` name their sheet. */
export async function addChartParts(
  xlsx: Uint8Array | ArrayBuffer,
  charts: readonly ChartPart[],
): Promise<Uint8Array> {
  const zip = await openPackage(xlsx);
  if (!charts.length) return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  const workbook = (await partText(zip, "xl/workbook.xml"))!;
  const workbookRels = (await partText(zip, "xl/_rels/workbook.xml.rels"))!;
  const sheetPath = (name: string) => {
    const m = new RegExp(
      `<sheet [^>]*name="${esc(name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*r:id="([^"]+)"`,
    ).exec(workbook);
    const rel = m && new RegExp(`<Relationship [^>]*Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(workbookRels);
    if (!rel) throw new Error(`sheet ${name} not found in the package`);
    return `xl/${rel[1]!.replace(/^\/?xl\//, "")}`;
  };
  let types = (await partText(zip, "[Content_Types].xml"))!;
  const bySheet = new Map<string, ChartPart[]>();
  for (const c of charts) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  // Part numbers after those the package has (exceljs writes drawings for pictures).
  const maxNo = (re: RegExp) =>
    Math.max(0, ...Object.keys(zip.files).map((f) => Number(re.exec(f)?.[1] ?? 0)));
  let chartNo = maxNo(/^xl\/charts\/chart(\d+)\.xml$/);
  let drawingNo = maxNo(/^xl\/drawings\/drawing(\d+)\.xml$/);
  const emptyRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const override = (part: string, type: string) =>
    (types = types.replace(
      "</Types>",
      `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.${type}"/></Types>`,
    ));
  for (const [sheet, list] of bySheet) {
    const path = sheetPath(sheet);
    const relsPath = path.replace(/worksheets\/(sheet\d+\.xml)$/, "worksheets/_rels/$1.rels");
    let rels = (await partText(zip, relsPath)) ?? emptyRels;
    let xml = (await partText(zip, path))!;
    if (!xml.includes('xmlns:r="')) xml = xml.replace("<worksheet ", `<worksheet xmlns:r="${REL}" `);
    // A sheet has at most one drawing: the charts join the one it has (pictures), or get one.
    const existing = /<drawing r:id="([^"]+)"\s*\/>/.exec(xml);
    const existingTarget = existing
      ? new RegExp(`<Relationship [^>]*Id="${existing[1]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1]
      : null;
    let drawingPath: string;
    if (existingTarget) drawingPath = `xl/${existingTarget.replace(/^(\.\.\/|\/xl\/)/, "")}`;
    else {
      drawingNo++;
      drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
      setPartText(zip, drawingPath, drawingXml([]));
      override(drawingPath, "drawing+xml");
      rels = rels.replace(
        "</Relationships>",
        `<Relationship Id="rIdKhDrawing" Type="${REL}/drawing" Target="../drawings/drawing${drawingNo}.xml"/></Relationships>`,
      );
      // <drawing> goes after the page setup and before legacy drawings, table parts and extensions.
      const before =
        /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(
          xml,
        );
      const at = before ? before.index : xml.lastIndexOf("</worksheet>");
      xml = `${xml.slice(0, at)}<drawing r:id="rIdKhDrawing"/>${xml.slice(at)}`;
    }
    const drawingRelsPath = drawingPath.replace(/([^/]+)$/, "_rels/$1.rels");
    let drawingRels = (await partText(zip, drawingRelsPath)) ?? emptyRels;
    let drawing = (await partText(zip, drawingPath))!;
    for (const part of list) {
      chartNo++;
      setPartText(zip, `xl/charts/chart${chartNo}.xml`, part.chartXml);
      override(`xl/charts/chart${chartNo}.xml`, "drawingml.chart+xml");
      const rel = `rIdKhChart${chartNo}`;
      drawingRels = drawingRels.replace(
        "</Relationships>",
        `<Relationship Id="${rel}" Type="${REL}/chart" Target="../charts/chart${chartNo}.xml"/></Relationships>`,
      );
      drawing = drawing.replace("</xdr:wsDr>", `${part.anchorXml(rel, 1000 + chartNo)}</xdr:wsDr>`);
    }
    setPartText(zip, drawingPath, drawing);
    setPartText(zip, drawingRelsPath, drawingRels);
    setPartText(zip, relsPath, rels);
    setPartText(zip, path, xml);
  }
  setPartText(zip, "[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * The charts an .xlsx holds, so that a workbook read and written again by exceljs (which drops
 * charts) keeps them: each chart's part and its anchor, by sheet name.
 */
export async function readChartParts(xlsx: Uint8Array | ArrayBuffer): Promise<ChartPart[]> {
  const zip = await openPackage(xlsx);
  const workbook = await partText(zip, "xl/workbook.xml");
  const workbookRels = await partText(zip, "xl/_rels/workbook.xml.rels");
  if (!workbook || !workbookRels) return [];
  const relTarget = (rels: string, id: string) =>
    new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  const resolve = (base: string, target: string) => {
    const parts = base.split("/").slice(0, -1);
    for (const seg of target.split("/")) seg === ".." ? parts.pop() : parts.push(seg);
    return parts.join("/");
  };
  const out: ChartPart[] = [];
  for (const m of workbook.matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const sheet = m[1]!
      .replace(/&amp;/g, "&")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">");
    const target = relTarget(workbookRels, m[2]!);
    if (!target) continue;
    const sheetPath = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    const sheetRels = await partText(zip, sheetPath.replace(/([^/]+)$/, "_rels/$1.rels"));
    if (!sheetRels) continue;
    for (const d of sheetRels.matchAll(/<Relationship [^>]*Type="[^"]*\/drawing"[^>]*>/g)) {
      const drawingTarget = /Target="([^"]+)"/.exec(d[0])![1]!;
      const drawingPath = resolve(sheetPath, drawingTarget);
      const drawing = await partText(zip, drawingPath);
      const drawingRels = await partText(zip, drawingPath.replace(/([^/]+)$/, "_rels/$1.rels"));
      if (!drawing || !drawingRels) continue;
      for (const a of drawing.matchAll(
        /<xdr:(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[\s\S]*?<\/xdr:\1>/g,
      )) {
        const rel = /<c:chart\b[^>]*r:id="([^"]+)"/.exec(a[0])?.[1];
        if (!rel) continue;
        const chartPath = resolve(drawingPath, relTarget(drawingRels, rel) ?? "");
        const chartXml = await partText(zip, chartPath);
        if (!chartXml) continue;
        const anchor = a[0];
        out.push({
          sheet,
          chartXml,
          anchorXml: (newRel) => anchor.replace(/(<c:chart\b[^>]*r:id=")[^"]+"/, `$1${newRel}"`),
        });
      }
    }
  }
  return out;
}
