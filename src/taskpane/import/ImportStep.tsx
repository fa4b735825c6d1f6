import { throwIfCancelled } from "../../core/workflows/cancelled";
import { Suspense, lazy, useState } from "react";
import { Button, Field, Input, Tab, TabList, Textarea } from "@fluentui/react-components";
import type { ParsedPlan } from "../../core/model/plan";
import { todayIso } from "../today";
import type { WorkbookPort } from "../../excel/workbook-port";
import { format, type Strings } from "../i18n/catalogue";
import type { JobState } from "../use-job";
// The preview (its grids, fixes and unit offers) loads with the first plan read: not on the first screen.
const ImportPreview = lazy(() =>
  import("./ImportPreview").then((m) => ({ default: m.EditableImportPreview })),
);
import { isCancellation } from "../describe-error";
import { FilePicker } from "../components/FilePicker";

type Source = "paste" | "file" | "selection";
export type Notify = (intent: "error" | "warning" | "info" | "success", text: string) => void;

export interface ImportStepProps {
  strings: Strings;
  workbook: WorkbookPort | null;
  job: JobState;
  notify: Notify;
  describe: (error: unknown) => string;
}

/** Step 1: take the plan from pasted text, a file or the selected range; preview, fix, confirm. */
export function ImportStep({ strings, workbook, job, notify, describe }: ImportStepProps) {
  const [source, setSource] = useState<Source>("paste");
  const [pasted, setPasted] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [planYear, setPlanYear] = useState("");
  const [parsed, setParsed] = useState<ParsedPlan | null>(null);

  const year = /^\d{4}$/.test(planYear) ? Number(planYear) : undefined;

  const fail = (error: unknown) =>
    isCancellation(error) ? notify("info", strings.cancelled) : notify("error", explain(error));

  const explain = (error: unknown): string => {
    if (error instanceof Error && error.name === "UnsupportedFileError" && "ext" in error)
      return format(strings.importUnsupported, { ext: String(error.ext) });
    return describe(error);
  };

  const read = async () => {
    setParsed(null);
    const outcome = await job.start(async ({ signal }) => {
      // The readers (pdf.js, Word, workbooks) load the first time a plan is read, not with the page.
      const { readFile, readPasted, readSelection } = await import("./read-source");
      if (source === "paste") {
        if (!pasted.trim()) return null;
        return readPasted(pasted, year);
      }
      if (source === "file") return file ? readFile(file, year) : null;
      if (!workbook) return null;
      const snapshot = await workbook.readSelection();
      throwIfCancelled(signal);
      return readSelection(snapshot, year);
    });
    if (!outcome.ok) return fail(outcome.error);
    if (!outcome.value) return notify("info", strings.importNothing);
    setParsed(outcome.value);
    if (!planYear) setPlanYear(String(outcome.value.plan.planYear));
  };

  const confirm = async () => {
    if (!parsed || !workbook) return;
    // A plan imported before is merged, keeping everything the clerks typed; settings stay as they are.
    const outcome = await job.start(async ({ signal, progress }) => {
      const { writeTrackingWorkbook } = await import("../../core/workflows/write-tracking-workbook");
      return writeTrackingWorkbook(workbook, parsed.plan, {
        reportDate: todayIso(),
        header: parsed.header,
        signal,
        onProgress: (p) => progress(p.done / p.total),
      });
    });
    if (!outcome.ok) return fail(outcome.error);
    const { written, changes, updated } = outcome.value;
    const count = (k: string) => changes.filter((c) => c.kind === k).length;
    notify(
      "success",
      updated
        ? format(strings.importUpdated, {
            added: count("added"),
            changed: count("changed"),
            removed: count("removed"),
          })
        : format(strings.importWritten, { sheets: written.sheets.map((s) => s.name).join(", ") }),
    );
  };

  return (
    <div className="import-step" data-testid="import-step">
      <TabList size="small" selectedValue={source} onTabSelect={(_e, d) => setSource(d.value as Source)}>
        <Tab value="paste" data-testid="source-paste">
          {strings.importPaste}
        </Tab>
        <Tab value="file" data-testid="source-file">
          {strings.importFile}
        </Tab>
        {workbook && workbook.host !== "file" && (
          <Tab value="selection" data-testid="source-selection">
            {strings.importSelection}
          </Tab>
        )}
      </TabList>
      {source === "paste" && (
        <Field label={strings.importPasteLabel}>
          <Textarea
            data-testid="paste-area"
            resize="vertical"
            rows={6}
            value={pasted}
            onChange={(_e, d) => setPasted(d.value)}
          />
        </Field>
      )}
      {source === "file" && (
        <FilePicker
          strings={strings}
          label={strings.importFileLabel}
          accept=".txt,.docx,.pdf,.xlsx,.csv,.tsv"
          files={file ? [file] : []}
          onFiles={(files) => setFile(files[0] ?? null)}
          testId="file-input"
        />
      )}
      <div className="import-actions">
        <Field label={strings.importPlanYear} className="plan-year">
          <Input
            data-testid="plan-year"
            value={planYear}
            onChange={(_e, d) => setPlanYear(d.value)}
            inputMode="numeric"
          />
        </Field>
        <Button appearance="primary" onClick={read} disabled={job.running} data-testid="import-read">
          {strings.importRead}
        </Button>
      </div>
      {parsed && (
        <>
          <Suspense fallback={null}>
            <ImportPreview strings={strings} parsed={parsed} onChange={setParsed} />
          </Suspense>
          {workbook && (
            <Button
              appearance="primary"
              onClick={confirm}
              disabled={job.running}
              data-testid="import-confirm"
            >
              {strings.importConfirm}
            </Button>
          )}
        </>
      )}
    </div>
  );
}
