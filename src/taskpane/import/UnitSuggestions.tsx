import { useState } from "react";
import { Button, MessageBar, MessageBarBody, Select } from "@fluentui/react-components";
import type { UnitMergeSuggestion } from "../../core/units/unit-suggestions";
import { format, type Strings } from "../i18n/catalogue";

export interface UnitSuggestionsProps {
  strings: Strings;
  suggestions: readonly UnitMergeSuggestion[];
  onMerge: (names: readonly string[], into: string) => void;
}

/** One offer: the names, the one to keep (the plan's most used, or the clerk's choice), a button. */
function Offer({
  strings,
  s,
  onMerge,
}: { strings: Strings; s: UnitMergeSuggestion } & Pick<UnitSuggestionsProps, "onMerge">) {
  const [into, setInto] = useState(s.into);
  return (
    <MessageBar intent="info" layout="multiline" data-testid={`unit-suggestion-${s.kind}`}>
      <MessageBarBody>
        {s.kind === "generic" ? strings.unitsGenericTitle : strings.unitsNearTitle}
        <ul>
          {s.names.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
        <label className="unit-merge">
          {strings.unitsMergeInto}{" "}
          <Select value={into} onChange={(_e, d) => setInto(d.value)} data-testid="unit-merge-into">
            {s.names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        </label>
        <Button onClick={() => onMerge(s.names, into)} data-testid="unit-merge">
          {format(strings.unitsMerge, { rows: s.rows })}
        </Button>
      </MessageBarBody>
    </MessageBar>
  );
}

/** Generic or near-duplicate unit names of the plan, each offered for merging into one unit. */
export function UnitSuggestions({ strings, suggestions, onMerge }: UnitSuggestionsProps) {
  if (!suggestions.length) return null;
  return (
    <div className="unit-suggestions" data-testid="unit-suggestions">
      {suggestions.map((s) => (
        <Offer key={`${s.kind}:${s.names.join("|")}`} strings={strings} s={s} onMerge={onMerge} />
      ))}
    </div>
  );
}
