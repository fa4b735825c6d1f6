/**
 * A file field in the product's own words (not the browser's "Choose File / No file chosen", which
 * follows the browser's language): a Fluent button, the chosen names, and a drop zone. The real input
 * stays in the page, hidden, so that keyboard, screen readers and test drivers reach it.
 */
import { useRef, useState, type DragEvent } from "react";
import { Button, Caption1, Field } from "@fluentui/react-components";
import { format, type Strings } from "../i18n/catalogue";

export interface FilePickerProps {
  strings: Strings;
  label: string;
  accept: string;
  multiple?: boolean;
  files: readonly File[];
  onFiles: (files: File[]) => void;
  testId: string;
  disabled?: boolean;
}

export function FilePicker({
  strings,
  label,
  accept,
  multiple,
  files,
  onFiles,
  testId,
  disabled,
}: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    const dropped = [...e.dataTransfer.files];
    if (dropped.length) onFiles(multiple ? dropped : dropped.slice(0, 1));
  };
  return (
    <Field label={label}>
      <div
        className={`file-picker${over ? " file-picker-over" : ""}`}
        data-testid={`${testId}-zone`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <Button onClick={() => input.current?.click()} disabled={disabled} data-testid={`${testId}-button`}>
          {strings.pickFiles}
        </Button>
        <Caption1 className="file-picker-names" data-testid={`${testId}-names`}>
          {files.length
            ? format(strings.pickChosen, { files: files.map((f) => f.name).join(", ") })
            : strings.pickNone}
        </Caption1>
        <input
          ref={input}
          className="visually-hidden"
          data-testid={testId}
          type="file"
          accept={accept}
          multiple={multiple}
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            onFiles([...(e.target.files ?? [])]);
            // The same file chosen again (a resubmission) fires a change again.
            e.target.value = "";
          }}
        />
      </div>
    </Field>
  );
}
