import { useState } from "react";
import { Body1, Button } from "@fluentui/react-components";
import { splitIsoDate } from "../../core/excel-dates";
import { cutoffDayFrom } from "../../core/periods/reporting-period";
import { readSettings, reportDateAddress } from "../../core/sheets/read-sheet";
import { taskReasonText } from "../../messages/problem-messages";
import { SHEET } from "../../core/sheets/workbook-layout";
import { summarizeTasks, type StatusSummary } from "../../core/status/status-summary";
import type { TaskStatus } from "../../core/status/task-status";
import { format, languageOf, type Strings } from "../i18n/catalogue";
import type { StepProps } from "../step-props";
import { todayIso } from "../today";
import { ClerkDateInput } from "../clerk-date-input";

/**
 * The official count's four buckets (and recurring work), each with its split indented under it, as
 * Báo cáo and the report count them: "Chưa hoàn thành trong hạn" is the sum of its three parts.
 */
const TREE: { bucket: TaskStatus; parts: TaskStatus[] }[] = [
  { bucket: "done-on-time", parts: [] },
  { bucket: "done-late", parts: [] },
  { bucket: "in-progress", parts: ["in-progress", "not-started", "due-soon"] },
  { bucket: "overdue", parts: [] },
  { bucket: "recurring", parts: [] },
];

export type TrackStepProps = StepProps;

/** Step 2: set the report date, recompute, see counts per status and jump to overdue / due-soon tasks. */
export function TrackStep({ strings, workbook, job, notify, describe }: TrackStepProps) {
  const [date, setDate] = useState<string | null>(todayIso());
  // A file in the web app has no grid to jump to: its tasks are listed here instead.
  const onFile = workbook?.host === "file";
  const [summary, setSummary] = useState<{ data: StatusSummary; width: number; date: string } | null>(null);

  const recompute = async () => {
    if (!workbook) return;
    if (date === null || !splitIsoDate(date)) return notify("error", strings.dateInvalid);
    const reportDate = date;
    const outcome = await job.start(async () => {
      const values = await workbook.readSheet(SHEET.tasks);
      if (!values) return null;
      const settings = await workbook.readSheet(SHEET.settings);
      if (settings) await workbook.writeDate(SHEET.settings, reportDateAddress(settings), reportDate);
      const stored = settings ? readSettings(settings) : {};
      const data = summarizeTasks(values, {
        reportDate,
        dueSoonDays: typeof stored.dueSoonDays === "number" ? stored.dueSoonDays : 7,
        cutoffDay: cutoffDayFrom(stored.cutoffDay as string | number | null | undefined) ?? 15,
      });
      return data ? { data, width: values[0]?.length ?? 1, date: reportDate } : null;
    });
    if (!outcome.ok) return notify("error", describe(outcome.error));
    if (!outcome.value) return notify("warning", strings.trackNoSheet);
    setSummary(outcome.value);
  };

  const jump = async (rows: number[]) => {
    if (!workbook || !summary || !rows.length) return;
    const outcome = await job.start(() => workbook.selectRow(SHEET.tasks, rows[0]!, summary.width));
    if (!outcome.ok) notify("error", describe(outcome.error));
  };

  return (
    <div className="track-step" data-testid="track-step">
      <div className="import-actions">
        <ClerkDateInput
          kind="date"
          label={strings.trackReportDate}
          value={date}
          onChange={setDate}
          invalidMessage={strings.dateInvalid}
          testId="report-date"
        />
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
          <ul className="status-counts" data-testid="status-tree">
            {TREE.map(({ bucket, parts }) => (
              <li key={bucket} data-testid={`bucket-${bucket}`}>
                {strings[`status.${bucket}` as keyof Strings]}:{" "}
                <b data-testid={parts.length ? `total-${bucket}` : `count-${bucket}`}>
                  {parts.length
                    ? parts.reduce((n, p) => n + summary.data.counts[p], 0)
                    : summary.data.counts[bucket]}
                </b>
                {parts.length > 0 && (
                  <ul>
                    {parts.map((p) => (
                      <li key={p} data-testid={`count-${p}`}>
                        {strings[`status.part.${p}` as keyof Strings] ??
                          strings[`status.${p}` as keyof Strings]}
                        : <b>{summary.data.counts[p]}</b>
                      </li>
                    ))}
                    {bucket === "in-progress" && summary.data.noDeadline > 0 && (
                      <li data-testid="count-no-deadline">
                        {strings.trackNoDeadline}: <b>{summary.data.noDeadline}</b>
                      </li>
                    )}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          {summary.data.overdueDetails.length > 0 && (
            <div data-testid="overdue-reasons">
              <Body1 block>{strings.trackWhyOverdue}</Body1>
              <ul className="overdue-reasons">
                {summary.data.overdueDetails.slice(0, onFile ? undefined : 10).map((d) => (
                  <li key={d.row}>
                    <b>{d.id}</b>
                    {onFile && d.task ? ` ${d.task} (${d.lead})` : ""}:{" "}
                    {taskReasonText(d.why, languageOf(strings))}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {onFile && summary.data.dueSoonDetails.length > 0 && (
            <div data-testid="due-soon-list">
              <Body1 block>{strings.trackDueSoonList}</Body1>
              <ul className="overdue-reasons">
                {summary.data.dueSoonDetails.map((d) => (
                  <li key={d.row}>
                    <b>{d.id}</b> {d.task} ({d.lead}): {taskReasonText(d.why, languageOf(strings))}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {summary.data.check.length > 0 && (
            <Body1 block data-testid="rows-to-check">
              {format(strings.trackCheckRows, { count: summary.data.check.length })}
            </Body1>
          )}
          {!onFile && (
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
          )}
        </div>
      )}
    </div>
  );
}
