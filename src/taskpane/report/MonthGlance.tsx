/**
 * The month at a glance, for the secretariat: every lead unit's tasks by status as a stacked bar
 * with its traffic light (the report's rule), the late tasks, and the indicators not met. Drawn with
 * plain elements (no chart library): each bar's segments are the unit's counts, the same figures as
 * the report's Phụ lục I, so the picture and the table cannot disagree.
 */
import type { Light, ReportContent } from "../../core/report/report-content";
import { LIGHT_FILL } from "../../core/report/report-document";
import { format, type Strings } from "../i18n/catalogue";

const SEGMENTS = [
  { key: "completedOnTime", label: "status.done-on-time", color: "#107C10" },
  { key: "completedLate", label: "status.done-late", color: "#8CBD18" },
  { key: "openInTime", label: "status.in-progress", color: "#0078D4" },
  { key: "openOverdue", label: "status.overdue", color: "#D13438" },
  { key: "recurring", label: "status.recurring", color: "#8A8886" },
] as const;

const LIGHT_KEY: Record<Light, "lightGreen" | "lightYellow" | "lightRed"> = {
  Xanh: "lightGreen",
  Vàng: "lightYellow",
  Đỏ: "lightRed",
};

const dmy = (iso: string | null) => (iso ? iso.split("-").reverse().join("/") : "");

export function MonthGlance({ content, strings }: { content: ReportContent; strings: Strings }) {
  const widest = Math.max(1, ...content.units.map((u) => u.total));
  const notMet = content.indicators.rows.filter((r) => r.assessment === "Không đạt");
  return (
    <section className="month-glance" data-testid="month-glance" aria-label={strings.glanceTitle}>
      <h2 className="glance-title">{format(strings.glanceTitle, { label: content.period.label })}</h2>
      <ul className="glance-legend" aria-hidden="true">
        {SEGMENTS.map((s) => (
          <li key={s.key}>
            <span className="glance-swatch" style={{ background: s.color }} />
            {strings[s.label]}
          </li>
        ))}
      </ul>
      <table className="glance-units" data-testid="glance-units">
        <thead>
          <tr>
            <th scope="col">{strings.mergeUnit}</th>
            <th scope="col">{strings.glanceLight}</th>
            <th scope="col">{strings.reportTotal}</th>
            {SEGMENTS.map((s) => (
              <th scope="col" key={s.key}>
                {strings[s.label]}
              </th>
            ))}
            <th scope="col" className="glance-bar-head">
              {strings.glanceChart}
            </th>
          </tr>
        </thead>
        <tbody>
          {content.units.map((u) => (
            <tr key={u.unit} data-light={u.light}>
              <th scope="row">{u.unit}</th>
              <td style={{ background: LIGHT_FILL[u.light] }}>{strings[LIGHT_KEY[u.light]]}</td>
              <td className="num">{u.total}</td>
              {SEGMENTS.map((s) => (
                <td className="num" key={s.key}>
                  {u[s.key]}
                </td>
              ))}
              <td className="glance-bar-cell">
                <div
                  className="glance-bar"
                  role="img"
                  aria-label={SEGMENTS.map((s) => `${strings[s.label]}: ${u[s.key]}`).join(", ")}
                >
                  {SEGMENTS.map((s) =>
                    u[s.key] > 0 ? (
                      <span
                        key={s.key}
                        data-segment={s.key}
                        style={{ width: `${(100 * u[s.key]) / widest}%`, background: s.color }}
                        title={`${strings[s.label]}: ${u[s.key]}`}
                      />
                    ) : null,
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{format(strings.glanceLate, { count: content.overdue.length })}</h3>
      {content.overdue.length > 0 && (
        <table className="glance-list" data-testid="glance-late">
          <thead>
            <tr>
              <th scope="col">{strings.glanceTask}</th>
              <th scope="col">{strings.mergeUnit}</th>
              <th scope="col">{strings.glanceDue}</th>
              <th scope="col">{strings.glanceDaysLate}</th>
            </tr>
          </thead>
          <tbody>
            {content.overdue.map((t) => (
              <tr key={t.id}>
                <td>{t.task}</td>
                <td>{t.lead}</td>
                <td className="num">{dmy(t.due)}</td>
                <td className="num">{t.daysOverdue ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{format(strings.glanceNotMet, { count: notMet.length, total: content.indicators.withTarget })}</h3>
      {notMet.length > 0 && (
        <table className="glance-list" data-testid="glance-not-met">
          <thead>
            <tr>
              <th scope="col">{strings.glanceIndicator}</th>
              <th scope="col">{strings.glanceTarget}</th>
              <th scope="col">{strings.glanceActual}</th>
            </tr>
          </thead>
          <tbody>
            {notMet.map((r) => (
              <tr key={r.id}>
                <td>{r.name}</td>
                <td className="num">
                  {String(r.inForce ?? "")} {r.unit}
                </td>
                <td className="num">
                  {String(r.actual ?? "")} {r.unit}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
