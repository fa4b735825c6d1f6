/**
 * The web app's workbook bar: which workbook the steps work on, open one (button or drop anywhere on
 * the bar), start a new one, download it. A workbook with changes not downloaded is marked, and the
 * browser asks before the page is left.
 */
import { useEffect, useRef, useState, type DragEvent } from "react";
import { Badge, Body1, Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { format, languageOf, type Strings } from "../taskpane/i18n/catalogue";
import { download } from "../taskpane/download";
import { refusalText } from "../messages/problem-messages";
import type { BrowserWorkbook, WorkbookState } from "./browser-workbook";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function WorkbookBar({ workbook, strings }: { workbook: BrowserWorkbook; strings: Strings }) {
  const [state, setState] = useState<WorkbookState>({ name: null, sheets: [], changed: false });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => workbook.subscribe(setState), [workbook]);
  useEffect(() => {
    if (!state.changed) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = strings.webLeave;
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [state.changed, strings]);

  const open = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    if (!/\.xlsx$/i.test(file.name)) return setError(format(strings.webNotXlsx, { file: file.name }));
    setBusy(true);
    try {
      await workbook.open(new Uint8Array(await file.arrayBuffer()), file.name);
    } catch (e) {
      // A damaged or foreign file: the reader's own words (naming the file), else the error's.
      const refusal = refusalText(e, languageOf(strings));
      setError(
        refusal ??
          format(strings.webOpenFailed, {
            file: file.name,
            reason: e instanceof Error ? e.message : String(e),
          }),
      );
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    setBusy(true);
    try {
      const { bytes, name } = await workbook.bytes();
      download(new Blob([bytes as BlobPart], { type: XLSX_TYPE }), name);
    } finally {
      setBusy(false);
    }
  };

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void open(e.dataTransfer.files[0]);
  };

  return (
    <section
      className={`workbook-bar${over ? " file-picker-over" : ""}`}
      data-testid="workbook-bar"
      aria-label={strings.webOpen}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <div className="workbook-state">
        <Body1 block data-testid="workbook-name">
          {state.name
            ? format(strings.webWorkbook, { name: state.name, sheets: state.sheets.length })
            : strings.webNoWorkbook}
        </Body1>
        {state.changed && (
          <Badge appearance="tint" color="warning" data-testid="workbook-changed">
            {strings.webChanged}
          </Badge>
        )}
      </div>
      <div className="workbook-actions">
        <Button onClick={() => input.current?.click()} disabled={busy} data-testid="workbook-open">
          {strings.webOpen}
        </Button>
        <Button
          onClick={() => void workbook.close()}
          disabled={busy || !state.name}
          data-testid="workbook-new"
        >
          {strings.webNew}
        </Button>
        <Button
          appearance={state.changed ? "primary" : "secondary"}
          onClick={() => void save()}
          disabled={busy || !state.name}
          data-testid="workbook-download"
        >
          {strings.webDownload}
        </Button>
        <input
          ref={input}
          className="visually-hidden"
          type="file"
          accept=".xlsx"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="workbook-file"
          onChange={(e) => {
            void open(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
      </div>
      <Body1 block className="workbook-hint">
        {strings.webDrop}
      </Body1>
      {error && (
        <MessageBar intent="error" data-testid="workbook-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
