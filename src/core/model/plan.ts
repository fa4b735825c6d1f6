/**
 * The plan model. `PlanJson` is exactly the JSON contract of shared/eval/SCHEMA.md (what
 * `plan parse --json` prints); `ParsedPlan` adds what the clerk needs to trust an import:
 * where every row came from, warnings, and every input line that was dropped or not placed.
 */
import { z } from "zod";
import type { ProblemParams, WarningCode } from "../problem";
import type { PlanHeader } from "../import/plan-header";

export const RecurrenceSchema = z.enum(["none", "continuous", "monthly", "quarterly", "yearly"]);

export const TaskRowSchema = z.object({
  section: z.string().nullable(),
  sectionTitle: z.string().nullable(),
  no: z.string(),
  task: z.string(),
  lead: z.array(z.string()),
  partners: z.array(z.string()),
  output: z.string().nullable(),
  deadlineText: z.string(),
  dueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  recurrence: RecurrenceSchema,
  note: z.string().nullable(),
});

export const IndicatorRowSchema = z.object({
  group: z.string().nullable(),
  groupTitle: z.string().nullable(),
  no: z.string(),
  name: z.string(),
  unit: z.string(),
  targets: z.record(z.string(), z.string()),
  responsible: z.string(),
});

export const TaskTableSchema = z.object({
  kind: z.literal("tasks"),
  title: z.string(),
  columns: z.array(z.string()),
  rows: z.array(TaskRowSchema),
});

export const IndicatorTableSchema = z.object({
  kind: z.literal("indicators"),
  title: z.string(),
  rows: z.array(IndicatorRowSchema),
});

export const ComparatorSchema = z.enum([">=", "=", "<=", "range"]);

export const TargetSchema = z.object({
  no: z.string(),
  text: z.string(),
  year: z.number().int().nullable(),
  comparator: ComparatorSchema.nullable(),
  value: z.number().nullable(),
  max: z.number().nullable(),
  unit: z.string().nullable(),
  /** The unit answerable for the target, where the objectives name one ("(Sở Nội vụ chủ trì)"). */
  responsible: z.string().optional(),
});

export const PlanJsonSchema = z.object({
  source: z.string(),
  planYear: z.number().int(),
  tables: z.array(z.discriminatedUnion("kind", [TaskTableSchema, IndicatorTableSchema])),
  targets: z.array(TargetSchema),
});

export type TaskRow = z.infer<typeof TaskRowSchema>;
export type IndicatorRow = z.infer<typeof IndicatorRowSchema>;
export type TaskTable = z.infer<typeof TaskTableSchema>;
export type IndicatorTable = z.infer<typeof IndicatorTableSchema>;
export type PlanTable = TaskTable | IndicatorTable;
export type Target = z.infer<typeof TargetSchema>;
export type PlanJson = z.infer<typeof PlanJsonSchema>;
export type Comparator = z.infer<typeof ComparatorSchema>;

/** Where a piece of input came from: a line of text, a page of a PDF, or a cell of a grid. */
export interface SourceLocation {
  file: string;
  line?: number;
  page?: number;
  /** A1 address of a cell, with the sheet name when known. */
  cell?: string;
}

/** A warning of the import: a code and its parameters, worded by each host (src/messages). */
export interface ImportWarning {
  code: WarningCode;
  params: ProblemParams;
  at?: SourceLocation;
}

export type DropReason = "blank" | "page-number" | "repeated-header" | "footnote" | "layout";

export interface DroppedLine {
  at: SourceLocation;
  text: string;
  reason: DropReason;
}

export interface UnplacedLine {
  at: SourceLocation;
  text: string;
}

export interface ParsedPlan {
  plan: PlanJson;
  /** Parallel to plan.tables[i].rows[j]: where each row starts. */
  rowSources: SourceLocation[][];
  targetSources: SourceLocation[];
  warnings: ImportWarning[];
  dropped: DroppedLine[];
  unplaced: UnplacedLine[];
  /** Input lines that belong to tables (titles, headers, bodies), when the reader works on lines. */
  tableLines: number[];
  /** What the plan's head says of its issuer, place, number, date and name (for the report). */
  header?: PlanHeader;
}

/** The schema export: exactly SCHEMA.md's fields, validated. */
export function toPlanJson(parsed: ParsedPlan): PlanJson {
  return PlanJsonSchema.parse(parsed.plan);
}
