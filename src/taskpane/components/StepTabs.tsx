import { Tab, TabList } from "@fluentui/react-components";
import type { Strings } from "../i18n/catalogue";

export const STEPS = ["import", "track", "report", "merge"] as const;
export type Step = (typeof STEPS)[number];

const LABEL: Record<Step, keyof Strings> = {
  import: "stepImport",
  track: "stepTrack",
  report: "stepReport",
  merge: "stepMerge",
};

export interface StepTabsProps {
  strings: Strings;
  step: Step;
  onChange: (step: Step) => void;
}

/** The four steps of the monthly cycle. Labels wrap so the tabs fit a 320 px pane. */
export function StepTabs({ strings, step, onChange }: StepTabsProps) {
  return (
    <TabList
      className="step-tabs"
      data-testid="step-tabs"
      aria-label={strings.stepsLabel}
      selectedValue={step}
      onTabSelect={(_e, data) => onChange(data.value as Step)}
      size="small"
      style={{ flexWrap: "wrap", rowGap: 2 }}
    >
      {STEPS.map((s, i) => (
        <Tab key={s} value={s} data-testid={`step-${s}`}>
          {`${i + 1}. ${strings[LABEL[s]]}`}
        </Tab>
      ))}
    </TabList>
  );
}
