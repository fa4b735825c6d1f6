/**
 * A date (dd/mm/yyyy) or a month (mm/yyyy) typed as Vietnamese offices write them, whatever the
 * browser's language: the browser's own date and month pickers show "10/14/2025" in an English
 * Windows. The text is read by the core's readers (dates as in the merge, months as on the command
 * line); what cannot be read is said under the field, and the value is null until it can.
 */
import { useEffect, useState } from "react";
import { Field, Input } from "@fluentui/react-components";
import { dateFromText } from "../core/merge/clerk-values";
import { monthFromText } from "../core/periods/reporting-period";

/** "2025-10-14" as "14/10/2025"; "2025-10" as "10/2025". */
export function shownDate(value: string): string {
  const parts = value.split("-");
  return parts.reverse().join("/");
}

export interface ClerkDateInputProps {
  kind: "date" | "month";
  label: string;
  /** ISO date or "YYYY-MM"; null while the text cannot be read. */
  value: string | null;
  onChange: (value: string | null) => void;
  invalidMessage: string;
  testId: string;
}

export function ClerkDateInput({
  kind,
  label,
  value,
  onChange,
  invalidMessage,
  testId,
}: ClerkDateInputProps) {
  const [text, setText] = useState(value ? shownDate(value) : "");
  // A value set from outside (the master's reporting month) is shown as typed.
  useEffect(() => {
    if (value && (kind === "date" ? dateFromText(text) : monthFromText(text)) !== value)
      setText(shownDate(value));
    // Only a new value from outside: the clerk's own typing is left as typed.
  }, [value]);
  const invalid = text.trim() !== "" && value === null;
  return (
    <Field label={label} validationMessage={invalid ? invalidMessage : undefined}>
      <Input
        data-testid={testId}
        value={text}
        placeholder={kind === "date" ? "dd/mm/yyyy" : "mm/yyyy"}
        inputMode="numeric"
        onChange={(_e, d) => {
          setText(d.value);
          onChange(kind === "date" ? dateFromText(d.value) : monthFromText(d.value));
        }}
      />
    </Field>
  );
}
