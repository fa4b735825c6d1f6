import { throwIfCancelled } from "../../core/workflows/cancelled";
import { useState } from "react";
import { Body1, Button, Dropdown, Field, Input, Option, Textarea } from "@fluentui/react-components";
import type { PeriodKind } from "../../core/periods/reporting-period";
import { knownUnits, reportFigures } from "../../core/report/report-content";
import {
  composeReport,
  freeReportName,
  readTrackingData,
  type ComposedReport,
  type TrackingData,
} from "../../core/workflows/periodic-report";
import { format, type StringKey, type Strings } from "../i18n/catalogue";
import type { StepProps } from "../step-props";
import { download } from "../download";
import { todayIso } from "../today";
import { ClerkDateInput } from "../clerk-date-input";
import type { ReportDocument } from "../../core/report/report-document";
import { MonthGlance } from "./MonthGlance";
import { ReportPrintView } from "./ReportPrintView";

type HeaderField =
  | "parentAgency"
  | "issuingAgency"
  | "place"
  | "reportNumber"
  | "signerCapacity"
  | "signerTitle"
  | "signerName"
  | "planName"
  | "recipients";

/** The report's header fields, all editable here; `required`: printed, so a blank one is warned of. */
const HEADER_FIELDS: readonly {
  key: HeaderField;
  label: StringKey;
  required: boolean;
  testId?: string;
  multiline?: boolean;
}[] = [
  { key: "parentAgency", label: "reportParentAgency", required: false },
  { key: "issuingAgency", label: "reportIssuer", required: true, testId: "report-issuer" },
  { key: "place", label: "reportPlace", required: true },
  { key: "reportNumber", label: "reportNumber", required: true, testId: "report-number" },
  { key: "signerCapacity", label: "reportSignerCapacity", required: false },
  { key: "signerTitle", label: "reportSignerTitle", required: true },
  { key: "signerName", label: "reportSigner", required: true, testId: "report-signer" },
  { key: "planName", label: "reportPlanName", required: true, multiline: true },
  { key: "recipients", label: "reportRecipients", required: true, multiline: true },
];
const EMPTY_HEADER = Object.fromEntries(HEADER_FIELDS.map((f) => [f.key, ""])) as Record<HeaderField, string>;

const KINDS: PeriodKind[] = ["month", "quarter", "half", "nine-months", "year"];
const ALL = "";

export type ReportStepProps = StepProps;

/** Step 3: choose the period and unit, preview the counts, write the report sheets, download the .docx. */
export function ReportStep({ strings, workbook, job, notify, describe }: ReportStepProps) {
  const [kind, setKind] = useState<PeriodKind>("month");
  const [period, setPeriod] = useState<string | null>(todayIso().slice(0, 7));
  const [unit, setUnit] = useState(ALL);
  const [data, setData] = useState<TrackingData | null>(null);
  const [header, setHeader] = useState<Record<HeaderField, string>>(EMPTY_HEADER);
  // The blank fields the clerk was warned of: a second click writes with them blank.
  const [warned, setWarned] = useState<string | null>(null);
  const [report, setReport] = useState<ComposedReport | null>(null);
  const [printed, setPrinted] = useState<ReportDocument | null>(null);

  const request = () => ({ period: period ?? "", kind, unit: unit || null, header });

  const preview = async () => {
    if (!workbook) return;
    const outcome = await job.start(async () => {
      const read = await readTrackingData(workbook, strings.reportWorkbook);
      return { read, composed: composeReport(read, request()) };
    });
    if (!outcome.ok) return notify("error", describe(outcome.error));
    setData(outcome.value.read);
    const s = outcome.value.read.stored;
    // Each field as the clerk typed it here, else as the workbook's settings hold it.
    setHeader((h) => {
      const next = { ...h };
      for (const { key } of HEADER_FIELDS) next[key] = h[key] || String(s[key] ?? "");
      return next;
    });
    setReport(outcome.value.composed);
    setPrinted(null);
  };

  // The print view shows the report as composed now (with the header fields as typed since).
  const printView = () => {
    if (!data || !headerReady()) return;
    try {
      setPrinted(composeReport(data, request()).document);
    } catch (error) {
      notify("error", describe(error));
    }
  };

  /**
   * True when the report may be written: no field it prints is blank, or the clerk was told which
   * are and chose again to go on.
   */
  const headerReady = (): boolean => {
    const blanks = HEADER_FIELDS.filter((f) => f.required && !header[f.key].trim()).map(
      (f) => strings[f.label],
    );
    if (!blanks.length || warned === blanks.join(", ")) return true;
    setWarned(blanks.join(", "));
    notify("warning", format(strings.reportBlankFields, { fields: blanks.join(", ") }));
    return false;
  };

  const write = async () => {
    if (!workbook || !data || !headerReady()) return;
    const outcome = await job.start(async ({ signal }) => {
      const first = composeReport(data, request());
      const base = freeReportName(
        first.sheets[0]!.name,
        await workbook.sheetNames(),
        first.sheets.length - 1,
      );
      const composed = composeReport(data, request(), base);
      // The one write starts only if the clerk has not cancelled meanwhile.
      throwIfCancelled(signal);
      return workbook.writeDocuments(composed.sheets);
    });
    if (!outcome.ok) return notify("error", describe(outcome.error));
    notify("success", format(strings.reportWritten, { sheets: outcome.value.join(", ") }));
  };

  const docx = async () => {
    if (!data || !headerReady()) return;
    const outcome = await job.start(async ({ signal }) => {
      const composed = composeReport(data, request());
      const [{ Packer }, { reportDocx }] = await Promise.all([
        import("docx"),
        import("../../docx/report-docx"),
      ]);
      const blob = await Packer.toBlob(reportDocx(composed.document));
      throwIfCancelled(signal);
      return {
        blob,
        name: `${composed.sheets[0]!.name}.docx`,
      };
    });
    if (!outcome.ok) return notify("error", describe(outcome.error));
    download(outcome.value.blob, outcome.value.name);
  };

  const figures = report ? reportFigures(report.content) : null;
  const units = data ? knownUnits(data.tasks) : [];
  return (
    <div className="report-step" data-testid="report-step">
      <div className="import-actions">
        <Field label={strings.reportKind}>
          <Dropdown
            data-testid="report-kind"
            value={strings[`reportKind.${kind}` as keyof Strings]}
            selectedOptions={[kind]}
            onOptionSelect={(_e, d) => setKind(d.optionValue as PeriodKind)}
          >
            {KINDS.map((k) => (
              <Option key={k} value={k}>
                {strings[`reportKind.${k}` as keyof Strings]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <ClerkDateInput
          kind="month"
          label={strings.reportPeriod}
          value={period}
          onChange={setPeriod}
          invalidMessage={strings.monthInvalid}
          testId="report-period"
        />
      </div>
      {data && (
        <Field label={strings.reportUnit}>
          <Dropdown
            data-testid="report-unit"
            value={unit || strings.reportAllUnits}
            selectedOptions={[unit]}
            onOptionSelect={(_e, d) => setUnit(d.optionValue ?? ALL)}
          >
            <Option value={ALL}>{strings.reportAllUnits}</Option>
            {units.map((u) => (
              <Option key={u} value={u}>
                {u}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      {data && (
        <div className="report-header-fields" data-testid="report-header">
          {HEADER_FIELDS.map((f) => (
            <Field key={f.key} label={strings[f.label]} className={f.multiline ? "wide-field" : undefined}>
              {f.multiline ? (
                <Textarea
                  data-testid={`report-${f.key}`}
                  value={header[f.key]}
                  resize="vertical"
                  onChange={(_e, d) => setHeader({ ...header, [f.key]: d.value })}
                />
              ) : (
                <Input
                  data-testid={f.testId ?? `report-${f.key}`}
                  value={header[f.key]}
                  onChange={(_e, d) => setHeader({ ...header, [f.key]: d.value })}
                />
              )}
            </Field>
          ))}
        </div>
      )}
      <div className="import-actions">
        <Button onClick={preview} disabled={job.running || !workbook} data-testid="report-preview">
          {strings.reportPreview}
        </Button>
        <Button
          appearance="primary"
          onClick={write}
          disabled={job.running || !report}
          data-testid="report-write"
        >
          {strings.reportWrite}
        </Button>
        <Button onClick={docx} disabled={job.running || !report} data-testid="report-docx">
          {strings.reportDocx}
        </Button>
        <Button onClick={printView} disabled={job.running || !report} data-testid="report-print-view">
          {strings.reportPrint}
        </Button>
      </div>
      {printed && (
        <div className="import-actions" data-testid="print-actions">
          <Button appearance="primary" onClick={() => window.print()} data-testid="report-print">
            {strings.reportPrintNow}
          </Button>
          <Button onClick={() => setPrinted(null)} data-testid="report-print-close">
            {strings.reportPrintClose}
          </Button>
          <ReportPrintView doc={printed} />
        </div>
      )}
      {figures && (
        <div data-testid="report-summary">
          <Body1 block>
            {format(strings.reportSummary, {
              label: figures.period.label,
              from: figures.period.from.split("-").reverse().join("/"),
              to: figures.period.to.split("-").reverse().join("/"),
            })}
          </Body1>
          <ul className="status-counts">
            <li data-testid="report-total">
              {strings.reportTotal}: <b>{figures.totals.total}</b>
            </li>
            <li>
              {strings["status.done-on-time"]}: <b>{figures.totals.completedOnTime}</b>
            </li>
            <li>
              {strings["status.done-late"]}: <b>{figures.totals.completedLate}</b>
            </li>
            <li>
              {strings["status.in-progress"]}: <b>{figures.totals.openInTime}</b>
            </li>
            <li data-testid="report-overdue">
              {strings["status.overdue"]}: <b>{figures.totals.openOverdue}</b>
            </li>
            <li>
              {strings["status.recurring"]}: <b>{figures.totals.recurring}</b>
            </li>
            <li data-testid="report-indicators">
              {format(strings.reportIndicators, {
                x: figures.indicators.exceeded + figures.indicators.met,
                y: figures.indicators.withTarget,
              })}
            </li>
          </ul>
        </div>
      )}
      {report && <MonthGlance content={report.content} strings={strings} />}
    </div>
  );
}
