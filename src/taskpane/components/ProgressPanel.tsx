import { Button, Field, ProgressBar } from "@fluentui/react-components";
import type { Strings } from "../i18n/catalogue";

export interface ProgressPanelProps {
  strings: Strings;
  /** 0..1, or undefined while the total is not known yet. */
  value: number | undefined;
  onCancel: () => void;
}

/** Shown while a long job runs: a progress bar and a cancel button. */
export function ProgressPanel({ strings, value, onCancel }: ProgressPanelProps) {
  return (
    <div className="progress-panel" role="status" aria-live="polite" data-testid="progress-panel">
      <Field label={strings.working} validationState="none" hint={strings.progressLabel}>
        <ProgressBar value={value} max={1} thickness="large" />
      </Field>
      <Button appearance="secondary" onClick={onCancel} data-testid="cancel-job">
        {strings.cancel}
      </Button>
    </div>
  );
}
