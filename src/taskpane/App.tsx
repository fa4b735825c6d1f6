import { lazy, Suspense, useState, type ReactNode } from "react";
import { Body1, Caption1, Select, Spinner, Title3 } from "@fluentui/react-components";
import { PRODUCT } from "../core/product";
import type { WorkbookPort } from "../excel/workbook-port";
import { CATALOGUES, format, saveLanguage, type Language } from "./i18n/catalogue";
import { ErrorArea } from "./components/ErrorArea";
import { ProgressPanel } from "./components/ProgressPanel";
import { StepTabs, type Step } from "./components/StepTabs";
import { describeError } from "./describe-error";
import { ImportStep } from "./import/ImportStep";

// The first screen is the import step; the others load when first opened.
const TrackStep = lazy(() => import("./track/TrackStep").then((m) => ({ default: m.TrackStep })));
const ReportStep = lazy(() => import("./report/ReportStep").then((m) => ({ default: m.ReportStep })));
const MergeStep = lazy(() => import("./merge/MergeStep").then((m) => ({ default: m.MergeStep })));
import { useJob } from "./use-job";
import type { StepProps } from "./step-props";

export interface AppProps {
  workbook: WorkbookPort | null;
  initialLanguage: Language;
  storage?: Storage;
  /** "web": the full-page web app over files (its own title, a wide layout). */
  variant?: "pane" | "web";
  /** Shown between the header and the steps (the web app's workbook bar). */
  toolbar?: (strings: ReturnType<typeof stringsOf>) => ReactNode;
}

const stringsOf = (language: Language) => CATALOGUES[language];

/** A message of the pane; `step`: the step that gave it (none: the whole pane, e.g. "not in Excel"). */
type Notice = { intent: "error" | "warning" | "info" | "success"; text: string; step?: Step } | null;

const INTRO: Record<Step, "stepImportIntro" | "stepTrackIntro" | "stepReportIntro" | "stepMergeIntro"> = {
  import: "stepImportIntro",
  track: "stepTrackIntro",
  report: "stepReportIntro",
  merge: "stepMergeIntro",
};

export function App({ workbook, initialLanguage, storage, variant = "pane", toolbar }: AppProps) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [step, setStep] = useState<Step>("import");
  const [notice, setNotice] = useState<Notice>(workbook ? null : { intent: "warning", text: "" });
  const job = useJob();
  const strings = stringsOf(language);
  const web = variant === "web";

  const changeLanguage = (next: Language) => {
    setLanguage(next);
    saveLanguage(storage, next);
    document.documentElement.lang = next;
  };

  // A notice belongs to the step that gave it: it is not shown on the other steps.
  const notify = (intent: "error" | "warning" | "info" | "success", text: string) =>
    setNotice({ intent, text, step });
  // What every step receives.
  const stepProps: StepProps = {
    strings,
    workbook,
    job,
    notify,
    describe: (error) => describeError(error, strings),
  };
  const shown = notice && (notice.step === undefined || notice.step === step) ? notice : null;

  return (
    <main className={web ? "app app-web" : "app"} lang={language} data-testid="app">
      <header className="app-header">
        <div>
          <Title3 as="h1" block>
            {web ? strings.webTitle : strings.appTitle}
          </Title3>
          <Caption1 as="p" block>
            {web ? strings.webSubtitle : strings.appSubtitle}
          </Caption1>
        </div>
        {/* A native list (Fluent's Select): no popup code on the first screen. */}
        <Select
          className="language"
          aria-label={strings.languageLabel}
          data-testid="language"
          value={language}
          onChange={(_e, data) => changeLanguage(data.value as Language)}
        >
          <option value="vi">{strings.languageVi}</option>
          <option value="en">{strings.languageEn}</option>
        </Select>
      </header>

      {toolbar?.(strings)}

      <StepTabs strings={strings} step={step} onChange={setStep} />

      <section className="step-panel" data-testid={`panel-${step}`} aria-live="polite">
        <Body1 as="p" block>
          {strings[INTRO[step]]}
        </Body1>
        <Suspense fallback={<Spinner size="small" />}>
          {step === "import" ? (
            <ImportStep {...stepProps} />
          ) : step === "track" ? (
            <TrackStep {...stepProps} />
          ) : step === "report" ? (
            <ReportStep {...stepProps} />
          ) : (
            <MergeStep {...stepProps} />
          )}
        </Suspense>
      </section>

      {job.running && <ProgressPanel strings={strings} value={job.progress} onCancel={job.cancel} />}

      <ErrorArea
        strings={strings}
        intent={shown?.intent}
        message={shown ? shown.text || strings.notInExcel : null}
        onDismiss={() => setNotice(null)}
      />

      <footer className="app-footer">
        <Caption1 block>{format(strings.version, { version: PRODUCT.version })}</Caption1>
      </footer>
    </main>
  );
}
