/**
 * The report as a page the browser prints to PDF, in the layout of Nghị định 30/2020/NĐ-CP like the
 * .docx: A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm, Times New Roman 14 pt, the
 * header block in two columns, page numbers centred at the top from page 2; the appendices on A4
 * landscape pages of their own with the table header repeated on every page. Rendered into a node of
 * its own under <body> so that printing shows it alone (see print-view.css).
 */
import { createPortal } from "react-dom";
import type { AppendixTable, ReportDocument } from "../../core/report/report-document";
import "./print-view.css";

function Lines({ text }: { text: string }) {
  const parts = text.split(/\r?\n/);
  return (
    <>
      {parts.map((p, i) => (
        <span key={i}>
          {p}
          {i < parts.length - 1 && <br />}
        </span>
      ))}
    </>
  );
}

function Appendix({ table }: { table: AppendixTable }) {
  return (
    <section className="pv-appendix" data-testid="print-appendix">
      <p className="pv-center pv-bold">{table.label}</p>
      <p className="pv-center pv-bold">{table.title}</p>
      {table.subtitle && <p className="pv-center pv-italic">{table.subtitle}</p>}
      <table className="pv-table">
        <colgroup>
          {table.columns.map((c, i) => (
            <col key={i} style={{ width: `${c.width}ch` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={i}>{c.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} style={table.fills?.[r] ? { background: table.fills[r]! } : undefined}>
              {row.map((v, c) => (
                <td key={c} className={`pv-${table.columns[c]?.align ?? "left"}`}>
                  <Lines text={String(v)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.summary && (
        <table className="pv-table pv-summary">
          <tbody>
            {table.summary.map(([label, n]) => (
              <tr key={label}>
                <td>{label}</td>
                <td className="pv-right">{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {table.note && <p className="pv-italic pv-note">{table.note}</p>}
    </section>
  );
}

export function ReportPrintView({ doc }: { doc: ReportDocument }) {
  const h = doc.header;
  const view = (
    <article className="print-view" data-testid="print-view" lang="vi">
      <section className="pv-body">
        <table className="pv-head">
          <tbody>
            <tr>
              <td className="pv-center">
                <div>{h.parentAgency}</div>
                <div className="pv-bold pv-rule">{h.issuingAgency}</div>
                <div className="pv-number">{h.number}</div>
              </td>
              <td className="pv-center">
                <div className="pv-bold">{h.motto1}</div>
                <div className="pv-bold pv-rule">{h.motto2}</div>
                <div className="pv-italic pv-number">{h.placeAndDate}</div>
              </td>
            </tr>
          </tbody>
        </table>
        <h1 className="pv-title">
          <Lines text={doc.title} />
        </h1>
        <p className="pv-center pv-bold pv-summary-line">
          <Lines text={doc.summary} />
        </p>
        {doc.sections.map((s, i) => (
          <div key={i}>
            <p className="pv-heading pv-bold">{s.heading}</p>
            {s.paragraphs.map((p, k) => (
              <p key={k} className={`pv-paragraph${p.bold ? " pv-bold" : ""}${p.italic ? " pv-italic" : ""}`}>
                <Lines text={p.text} />
              </p>
            ))}
          </div>
        ))}
        <table className="pv-foot">
          <tbody>
            <tr>
              <td className="pv-recipients">
                <div className="pv-bold pv-italic">Nơi nhận:</div>
                {doc.recipients.map((r, i) => (
                  <div key={i}>{r}</div>
                ))}
              </td>
              <td className="pv-center pv-signature">
                <div className="pv-bold">{doc.signature.capacity}</div>
                <div className="pv-bold">{doc.signature.title}</div>
                <div className="pv-sign-space" />
                <div className="pv-bold">{doc.signature.name}</div>
              </td>
            </tr>
          </tbody>
        </table>
      </section>
      {doc.appendices.map((a, i) => (
        <Appendix key={i} table={a} />
      ))}
    </article>
  );
  return createPortal(view, document.body);
}
