import { useMemo, useState } from "react";
import { Caption1, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { ParsedPlan, PlanTable } from "../../core/model/plan";
import { format, languageOf, type Strings } from "../i18n/catalogue";
import { problemText } from "../../messages/problem-messages";
import { mergeUnitNames, unitMergeSuggestions } from "../../core/units/unit-suggestions";
import { applyEdit } from "./apply-edit";
import { UnitSuggestions } from "./UnitSuggestions";

const PREVIEW_ROWS = 50;

/**
 * A clerk's fix of one previewed cell: of a table's row, or (table "targets") of a stated target.
 * An indicator's target for a year is the field "target:2030".
 */
export interface CellEdit {
  table: number | "targets";
  row: number;
  field: string;
  value: string;
}

interface Column {
  field: string;
  /** A catalogue label, or a heading as it stands (a year). */
  label: keyof Strings | { text: string };
  get: (row: Record<string, unknown>) => string;
}

const heading = (strings: Strings, c: Column) =>
  typeof c.label === "string" ? strings[c.label] : c.label.text;

/** The stated targets' columns: what the clerk confirms (year, value, unit) beside the sentence. */
const TARGET_COLUMNS: Column[] = [
  { field: "no", label: "colNo", get: (r) => text(r.no) },
  { field: "text", label: "colTargetText", get: (r) => text(r.text) },
  { field: "year", label: "colTargetYear", get: (r) => text(r.year) },
  {
    field: "comparator",
    label: "colComparator",
    get: (r) => ({ ">=": "≥", "<=": "≤", "=": "=", range: "–" })[String(r.comparator)] ?? "",
  },
  {
    field: "value",
    label: "colTargetValue",
    get: (r) =>
      r.comparator === "range" && r.max !== null ? `${text(r.value)}–${text(r.max)}` : text(r.value),
  },
  { field: "unit", label: "colUnit", get: (r) => text(r.unit) },
  { field: "responsible", label: "colResponsible", get: (r) => text(r.responsible) },
];

const text = (v: unknown) =>
  Array.isArray(v) ? v.join("; ") : v === null || v === undefined ? "" : String(v);

function columnsOf(table: PlanTable): Column[] {
  if (table.kind === "tasks")
    return [
      { field: "no", label: "colNo", get: (r) => text(r.no) },
      { field: "task", label: "colTask", get: (r) => text(r.task) },
      { field: "lead", label: "colLead", get: (r) => text(r.lead) },
      { field: "partners", label: "colPartners", get: (r) => text(r.partners) },
      { field: "output", label: "colOutput", get: (r) => text(r.output) },
      { field: "deadlineText", label: "colDeadline", get: (r) => text(r.deadlineText) },
    ];
  // One column per milestone year the table names (its targets, editable like any cell).
  const years = [...new Set(table.rows.flatMap((r) => Object.keys(r.targets)))].sort();
  return [
    { field: "no", label: "colNo", get: (r) => text(r.no) },
    { field: "name", label: "colName", get: (r) => text(r.name) },
    { field: "unit", label: "colUnit", get: (r) => text(r.unit) },
    ...years.map((y) => ({
      field: `target:${y}`,
      label: { text: y },
      get: (r: Record<string, unknown>) => text((r.targets as Record<string, string>)[y]),
    })),
    { field: "responsible", label: "colResponsible", get: (r) => text(r.responsible) },
  ];
}

function EditableCell({
  value,
  onCommit,
  testId,
}: {
  value: string;
  onCommit: (v: string) => void;
  testId: string;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  if (!editing)
    return (
      <td
        data-testid={testId}
        tabIndex={0}
        onClick={() => {
          setDraft(value);
          setEditing(true);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            setDraft(value);
            setEditing(true);
          }
        }}
      >
        {value}
      </td>
    );
  const commit = () => {
    setEditing(false);
    if (draft !== value) onCommit(draft);
  };
  return (
    <td>
      <textarea
        data-testid={`${testId}-input`}
        className="cell-editor"
        autoFocus
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey) {
            e.preventDefault();
            commit();
          }
          if (e.key === "Escape") setEditing(false);
        }}
      />
    </td>
  );
}

/** One previewed table (a plan table or the stated targets): its title, headings and editable cells. */
function PreviewGrid(p: {
  strings: Strings;
  testId: string;
  title: string;
  columns: readonly Column[];
  rows: readonly unknown[];
  cellId: (row: number, field: string) => string;
  onEdit: (row: number, field: string, value: string) => void;
  /** Rows not shown. */
  more: number;
}) {
  return (
    <section className="preview-table" data-testid={p.testId}>
      <Caption1 block className="preview-title">
        {p.title}
      </Caption1>
      <div className="preview-scroll">
        <table>
          <thead>
            <tr>
              {p.columns.map((c) => (
                <th key={c.field}>{heading(p.strings, c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.rows.map((row, r) => (
              <tr key={r}>
                {p.columns.map((c) => (
                  <EditableCell
                    key={c.field}
                    testId={p.cellId(r, c.field)}
                    value={c.get(row as Record<string, unknown>)}
                    onCommit={(value) => p.onEdit(r, c.field, value)}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.more > 0 && <Caption1 block>{format(p.strings.importMoreRows, { count: p.more })}</Caption1>}
    </section>
  );
}

export interface ImportPreviewProps {
  strings: Strings;
  parsed: ParsedPlan;
  onEdit: (edit: CellEdit) => void;
  /** The clerk merges unit names into one (generic or near-duplicate names offered by the core). */
  onMergeUnits: (names: readonly string[], into: string) => void;
}

/** What the import read: counts, warnings, unplaced lines highlighted, and the tables, editable. */
export function ImportPreview({ strings, parsed, onEdit, onMergeUnits }: ImportPreviewProps) {
  const { plan } = parsed;
  const suggestions = useMemo(() => unitMergeSuggestions(plan), [plan]);
  const rows = plan.tables.reduce((n, t) => n + t.rows.length, 0);
  return (
    <div className="import-preview" data-testid="import-preview">
      <MessageBar intent={parsed.unplaced.length ? "warning" : "success"} layout="multiline">
        <MessageBarBody data-testid="import-summary">
          {format(strings.importSummary, { tables: plan.tables.length, rows, targets: plan.targets.length })}
          {parsed.dropped.length > 0 && (
            <> {format(strings.importDropped, { count: parsed.dropped.length })}</>
          )}
        </MessageBarBody>
      </MessageBar>
      {parsed.warnings.map((w, i) => (
        <MessageBar key={i} intent="warning" layout="multiline">
          <MessageBarBody>{problemText(w, languageOf(strings))}</MessageBarBody>
        </MessageBar>
      ))}
      {parsed.unplaced.length > 0 && (
        <div className="unplaced" data-testid="import-unplaced">
          <Caption1 block>{strings.importUnplacedTitle}</Caption1>
          <ul>
            {parsed.unplaced.map((u, i) => (
              <li key={i}>
                <mark>
                  {format(strings.importLine, { line: u.at.line ?? u.at.cell ?? "?" })}: {u.text}
                </mark>
              </li>
            ))}
          </ul>
        </div>
      )}
      <UnitSuggestions strings={strings} suggestions={suggestions} onMerge={onMergeUnits} />
      <Caption1 block>{strings.importEditHint}</Caption1>
      {plan.tables.map((table, t) => (
        <PreviewGrid
          key={t}
          strings={strings}
          testId={`preview-table-${t}`}
          title={table.title}
          columns={columnsOf(table)}
          rows={table.rows.slice(0, PREVIEW_ROWS)}
          cellId={(r, field) => `cell-${t}-${r}-${field}`}
          onEdit={(row, field, value) => onEdit({ table: t, row, field, value })}
          more={table.rows.length - PREVIEW_ROWS}
        />
      ))}
      {plan.targets.length > 0 && (
        <PreviewGrid
          strings={strings}
          testId="preview-targets"
          title={format(strings.importTargetsTitle, { count: plan.targets.length })}
          columns={TARGET_COLUMNS}
          rows={plan.targets}
          cellId={(r, field) => `target-${r}-${field}`}
          onEdit={(row, field, value) => onEdit({ table: "targets", row, field, value })}
          more={0}
        />
      )}
    </div>
  );
}

/** The preview with its fixes applied to a new parsed plan each time (cells, targets, unit names). */
export function EditableImportPreview(p: {
  strings: Strings;
  parsed: ParsedPlan;
  onChange: (parsed: ParsedPlan) => void;
}) {
  return (
    <ImportPreview
      strings={p.strings}
      parsed={p.parsed}
      onEdit={(edit) => p.onChange(applyEdit(p.parsed, edit))}
      onMergeUnits={(names, into) =>
        p.onChange({ ...p.parsed, plan: mergeUnitNames(p.parsed.plan, names, into) })
      }
    />
  );
}
