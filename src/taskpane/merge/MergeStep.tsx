import { useEffect, useRef, useState } from "react";
import { verdictText } from "../../messages/problem-messages";
import { Body1, Button, Checkbox } from "@fluentui/react-components";
import type { FileVerdict, ListedCode } from "../../core/merge/merge-unit";
import {
  completenessOf,
  masterPeriodOf,
  mergeWorkbooks,
  takeUnitValues,
  undoLastMerge,
  type CompletenessRow,
} from "../../core/workflows/unit-workbooks";
import { format, languageOf, type StringKey } from "../i18n/catalogue";
import type { StepProps } from "../step-props";
import { download } from "../download";
import { todayIso } from "../today";
import { ClerkDateInput } from "../clerk-date-input";
import { FilePicker } from "../components/FilePicker";

export type MergeStepProps = StepProps;

const LISTED_KEYS: Record<ListedCode, StringKey> = {
  "new-task": "listedNewTask",
  "task-missing": "listedTaskMissing",
  "foreign-column": "listedForeignColumn",
  "formula-no-value": "listedFormulaNoValue",
  "plan-edit": "listedPlanEdit",
  "not-owned": "listedNotOwned",
  "unknown-indicator": "listedUnknownIndicator",
};

/** Step 4: unit workbooks out (a .zip), returned ones back in (preview, apply, undo), who reported. */
export function MergeStep({ strings, workbook, job, notify, describe }: MergeStepProps) {
  const [period, setPeriod] = useState<string | null>(todayIso().slice(0, 7));
  // The month defaults to the master's reporting month (its report date and cut-off day), not today:
  // October's books are merged in November.
  const touched = useRef(false);
  useEffect(() => {
    if (!workbook) return;
    let live = true;
    masterPeriodOf(workbook)
      .then((p) => {
        if (live && p && !touched.current) setPeriod(p);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [workbook]);
  const [files, setFiles] = useState<File[]>([]);
  const [partners, setPartners] = useState(false);
  const [preview, setPreview] = useState<FileVerdict[] | null>(null);
  const [rows, setRows] = useState<CompletenessRow[] | null>(null);
  const now = () => new Date().toISOString().slice(0, 19);

  const split = async () => {
    if (!workbook) return;
    if (!period) return notify("error", strings.monthInvalid);
    const outcome = await job.start(async ({ progress, signal }) => {
      // Nothing is downloaded until the .zip is whole: a cancelled split leaves nothing behind.
      const { splitToZip } = await import("../../xlsx/unit-workbooks-zip");
      const zip = await splitToZip(workbook, {
        period,
        createdAt: now(),
        partners,
        signal,
        onProgress: (done, total) => progress(done / total),
      });
      return { blob: new Blob([zip.bytes as BlobPart], { type: "application/zip" }), ...zip };
    });
    if (!outcome.ok) return notify("error", describe(outcome.error));
    download(outcome.value.blob, `so-don-vi-${period}.zip`);
    notify(
      "success",
      format(strings.mergeSplitDone, { count: outcome.value.count }) +
        (outcome.value.views ? ` ${format(strings.mergeViewsDone, { count: outcome.value.views })}` : ""),
    );
  };

  const run = async (dryRun: boolean) => {
    if (!workbook || !files.length) return;
    const outcome = await job.start(async ({ signal, progress }) => {
      const { returnedFile } = await import("../../xlsx/unit-workbooks-zip");
      return mergeWorkbooks(workbook, files.map(returnedFile), {
        now: now(),
        period: period || null,
        dryRun,
        signal,
        onProgress: (done, total) => progress(done / total),
      });
    });
    if (!outcome.ok) return notify("error", describe(outcome.error));
    setPreview(outcome.value.files);
    if (!dryRun)
      notify(
        outcome.value.files.some((f) => f.status === "refused") ? "warning" : "success",
        format(strings.mergeApplied, { applied: outcome.value.applied }),
      );
  };

  const undo = async () => {
    if (!workbook) return;
    const outcome = await job.start(({ signal }) => undoLastMerge(workbook, { now: now(), signal }));
    if (!outcome.ok) return notify("error", describe(outcome.error));
    notify(
      outcome.value.mergeId === null ? "info" : "success",
      outcome.value.mergeId === null
        ? strings.mergeNothingToUndo
        : format(strings.mergeUndone, { restored: outcome.value.restored }),
    );
  };

  const completeness = async () => {
    if (!workbook) return;
    const outcome = await job.start(() => completenessOf(workbook, period || null));
    if (!outcome.ok) return notify("error", describe(outcome.error));
    setRows(outcome.value.rows);
  };

  const takeUnit = async () => {
    if (!workbook) return;
    const outcome = await job.start(() => takeUnitValues(workbook, { now: now() }));
    if (!outcome.ok) return notify("error", describe(outcome.error));
    notify(
      outcome.value.mergeId === null ? "info" : "success",
      outcome.value.mergeId === null
        ? strings.mergeNothingToTake
        : format(strings.mergeTaken, { taken: outcome.value.taken }),
    );
  };

  return (
    <div className="merge-step" data-testid="merge-step">
      <ClerkDateInput
        kind="month"
        label={strings.reportPeriod}
        value={period}
        onChange={(p) => {
          touched.current = true;
          setPeriod(p);
        }}
        invalidMessage={strings.monthInvalid}
        testId="merge-period"
      />
      <Checkbox
        checked={partners}
        onChange={(_e, d) => setPartners(Boolean(d.checked))}
        label={strings.mergePartnerViews}
        data-testid="merge-partners"
      />
      <div className="import-actions">
        <Button onClick={split} disabled={job.running || !workbook} data-testid="merge-split">
          {strings.mergeSplit}
        </Button>
      </div>
      <FilePicker
        strings={strings}
        label={strings.mergeFiles}
        accept=".xlsx"
        multiple
        files={files}
        onFiles={(chosen) => {
          setFiles(chosen);
          setPreview(null);
        }}
        testId="merge-files"
      />
      <div className="import-actions">
        <Button onClick={() => run(true)} disabled={job.running || !files.length} data-testid="merge-preview">
          {strings.mergePreview}
        </Button>
        <Button
          appearance="primary"
          onClick={() => run(false)}
          disabled={job.running || !preview}
          data-testid="merge-apply"
        >
          {strings.mergeApply}
        </Button>
        <Button onClick={undo} disabled={job.running || !workbook} data-testid="merge-undo">
          {strings.mergeUndo}
        </Button>
        <Button onClick={takeUnit} disabled={job.running || !workbook} data-testid="merge-take-unit">
          {strings.mergeTakeUnit}
        </Button>
        <Button onClick={completeness} disabled={job.running || !workbook} data-testid="merge-completeness">
          {strings.mergeCompleteness}
        </Button>
      </div>
      {preview && (
        <ul className="merge-files" data-testid="merge-verdicts">
          {preview.map((f) => (
            <li key={f.file} data-status={f.status}>
              <b>{f.file}</b>:{" "}
              {f.status === "accepted"
                ? format(strings.mergeAccepted, {
                    unit: f.unit ?? "",
                    changes: f.changes.length,
                    conflicts: f.conflicts.length,
                    listed: f.listed.length,
                  }) + (f.resubmission ? ` (${strings.mergeResubmission})` : "")
                : f.status === "superseded"
                  ? format(strings.mergeSuperseded, { unit: f.unit ?? "", by: f.supersededBy ?? "" })
                  : verdictText(f, languageOf(strings))}
              {(f.conflicts.length > 0 || f.listed.length > 0) && (
                <ul>
                  {f.conflicts.map((c, i) => (
                    <li key={`c${i}`} data-kind="conflict">
                      {c.id}
                      {c.column ? `, ${c.column}` : ""}: {String(c.master ?? "")} ≠ {String(c.unit ?? "")}
                    </li>
                  ))}
                  {f.listed.map((l, i) => (
                    <li key={`l${i}`} data-kind="listed">
                      {l.sheet}
                      {l.address ? `!${l.address}` : ""} {l.id}
                      {l.column ? `, ${l.column}` : ""}: {String(l.value ?? "")} —{" "}
                      {strings[LISTED_KEYS[l.code]]}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {rows && (
        <table className="completeness" data-testid="merge-completeness-table">
          <thead>
            <tr>
              <th>{strings.mergeUnit}</th>
              <th>{strings.mergeReceived}</th>
              <th>{strings.mergeOnTime}</th>
              <th>{strings.mergeMissing}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.unit}>
                <td>{r.unit}</td>
                <td>{r.received}</td>
                <td>{r.onTime}</td>
                <td>{r.missing}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!rows && !preview && <Body1 block>{strings.mergeHint}</Body1>}
    </div>
  );
}
