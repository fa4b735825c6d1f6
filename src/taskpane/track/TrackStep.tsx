import { useState } from "react";
import { Body1, Button, Field, Input } from "@fluentui/react-components";
import { splitIsoDate } from "../../core/excel-dates";
import { REPORT_DATE_CELL, SETTINGS_SHEET } from "../../core/sheets/tracking-sheets";
import { summarizeTasks, type StatusSummary } from "../../core/status/status-summary";
import type { TaskStatus } from "../../core/status/task-status";
import type { WorkbookPort } from "../../excel/workbook-port";
import { format, type Strings } from "../i18n/catalogue";
import type { JobState } from "../use-job";
import type { Notify } from "../import/ImportStep";
import { todayIso } from "../today";

const TASK_SHEET = "Nhiệm vụ";
const ORDER: TaskStatus[] = [
  "done-on-time",
  "done-late",
  "in-progress",
  "not-started",
  "due-soon",
  "overdue",
  "recurring",
];

export interface TrackStepProps {
  strings: Strings;
  workbook: WorkbookPort | null;
  job: JobState;
  notify: Notify;
  describe: (error: unknown) => string;
}

/** Step 2: set the report date, recompute, see counts per status and jump to overdue / due-soon tasks. */
export function TrackStep({ strings, workbook, job, notify, describe }: TrackStepProps) {
  const [date, setDate] = useState(todayIso());
  const [summary, setSummary] = useState<{ data: StatusSummary; width: number; date: string } | null>(null);

  const recompute = async () => {
    if (!workbook) return;
    if (!splitIsoDate(date)) return notify("error", strings.trackBadDate);
    const outcome = await job.start(async () => {
      const values = await workbook.readSheet(TASK_SHEET);
      if (!values) return null;
      if (await workbook.readSheet(SETTINGS_SHEET))
        await workbook.writeDate(SETTINGS_SHEET, REPORT_DATE_CELL.split("!")[1]!.replace(/\$/g, ""), date);
      const data = summarizeTasks(values, date);
      return data ? { data, width: values[0]?.length ?? 1, date } : null;
    });
    if (!outcome.ok) return notify("error", describe(outcome.error));
    if (!outcome.value) return notify("warning", strings.trackNoSheet);
    setSummary(outcome.value);
  };

  const jump = async (rows: number[]) => {
    if (!workbook || !summary || !rows.length) return;
    const outcome = await job.start(() => workbook.selectRow(TASK_SHEET, rows[0]!, summary.width));
    if (!outcome.ok) notify("error", describe(outcome.error));
  };

  return (
    <div className="track-step" data-testid="track-step">
      <div className="import-actions">
        <Field label={strings.trackReportDate}>
          <Input type="date" data-testid="report-date" value={date} onChange={(_e, d) => setDate(d.value)} />
        </Field>
        <Button
          appearance="primary"
          onClick={recompute}
          disabled={job.running || !workbook}
          data-testid="recompute"
        >
          {strings.trackRecompute}
        </Button>
      </div>
      {summary && (
        <div data-testid="status-summary">
          <Body1 block>
            {format(strings.trackSummary, {
              total: summary.data.total,
              date: summary.date.split("-").reverse().join("/"),
            })}
          </Body1>
          <ul className="status-counts">
            {ORDER.map((s) => (
              <li key={s} data-testid={`count-${s}`}>
                {strings[`status.${s}` as keyof Strings]}: <b>{summary.data.counts[s]}</b>
              </li>
            ))}
          </ul>
          <div className="import-actions">
            <Button
              onClick={() => jump(summary.data.overdue)}
              disabled={!summary.data.overdue.length}
              data-testid="jump-overdue"
            >
              {format(strings.trackOverdue, { count: summary.data.overdue.length })}
            </Button>
            <Button
              onClick={() => jump(summary.data.dueSoon)}
              disabled={!summary.data.dueSoon.length}
              data-testid="jump-due-soon"
            >
              {format(strings.trackDueSoon, { count: summary.data.dueSoon.length })}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
