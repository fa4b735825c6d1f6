/**
 * An in-memory double of the part of the Excel JavaScript API that src/excel uses.
 *
 * It keeps Office.js's proxy semantics where they matter to correctness:
 * - reading a property that was not loaded and synced throws PropertyNotLoaded, as Excel does;
 * - every context.sync() is counted, and the payload queued since the previous sync is measured:
 *   a request above Excel on the web's 5 MB limit fails with RequestPayloadSizeLimitExceeded;
 * - text written through Range.values that starts with "=", "+" or "-" becomes a formula unless the
 *   cell's number format is "@" or the text carries the apostrophe prefix, as in Excel;
 * - a formula written into a Text-formatted ("@") cell stays literal text, as in Excel;
 * - a response above 5 MB fails with ResponsePayloadSizeLimitExceeded (Excel on the web);
 * - the last visible sheet cannot be deleted;
 * - conditionalFormats.add puts the new rule on top (index 0 = highest priority);
 * - getSelectedRange fails at sync with InvalidSelection on a multi-area selection.
 * No Node or DOM imports: the browser tests bundle it and install it before the pane script runs.
 */

export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

export class OfficeDoubleError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

interface CellData {
  value: string | number | boolean;
  formula: string | null;
  numberFormat: string;
  wrap: boolean;
  bold: boolean;
  fill: string | null;
  fontName?: string;
  fontSize?: number;
  italic?: boolean;
  align?: string;
  borders?: string[];
}

function emptyCell(): CellData {
  return { value: "", formula: null, numberFormat: "General", wrap: false, bold: false, fill: null };
}

interface Address {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function colLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function parseAddress(address: string): Address {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(local);
  if (!m) throw new OfficeDoubleError("InvalidArgument", `The address '${address}' is not supported.`);
  const c1 = colIndex(m[1]!);
  const r1 = Number(m[2]) - 1;
  const c2 = m[3] ? colIndex(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  return {
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    rowCount: Math.abs(r2 - r1) + 1,
    colCount: Math.abs(c2 - c1) + 1,
  };
}

function formatAddress(sheet: string, a: Address): string {
  const first = `${colLetters(a.col)}${a.row + 1}`;
  const last = `${colLetters(a.col + a.colCount - 1)}${a.row + a.rowCount}`;
  const quoted = /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${first === last ? first : `${first}:${last}`}`;
}

/** Everything one Excel.run shares: sync counting, pending loads and the payload queued since the last sync. */
class Session {
  pendingLoads: Array<() => void> = [];
  pendingBytes = 0;
  responseBytes = 0;
  pendingError: OfficeDoubleError | null = null;
  constructor(readonly book: WorkbookDouble) {}

  queue(bytes: number): void {
    this.pendingBytes += bytes;
  }

  async sync(): Promise<void> {
    if (this.book.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.book.latencyMs));
    this.book.syncCount++;
    const bytes = this.pendingBytes;
    this.book.requestSizes.push(bytes);
    this.pendingBytes = 0;
    const loads = this.pendingLoads;
    this.pendingLoads = [];
    if (bytes > this.book.requestLimitBytes) {
      throw new OfficeDoubleError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${bytes} bytes).`,
      );
    }
    const error = this.pendingError;
    this.pendingError = null;
    if (error) throw error;
    this.responseBytes = 0;
    for (const apply of loads) apply();
    if (this.book.calculationSuspended) this.book.calculationSuspended = false;
    this.book.responseSizes.push(this.responseBytes);
    if (this.responseBytes > this.book.requestLimitBytes)
      throw new OfficeDoubleError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${this.responseBytes} bytes).`,
      );
  }
}

/** A proxy object: properties must be loaded and synced before they are read. */
abstract class ProxyDouble {
  private readonly loaded = new Set<string>();
  private readonly snapshot = new Map<string, unknown>();
  constructor(readonly session: Session) {}

  protected abstract readProperty(name: string): unknown;

  load(props?: string | string[] | Record<string, unknown>): this {
    const names =
      typeof props === "string"
        ? props.split(",").map((p) => p.trim())
        : Array.isArray(props)
          ? props
          : props
            ? Object.keys(props)
            : ["*"];
    this.session.queue(32);
    this.session.pendingLoads.push(() => this.loadNow(names));
    return this;
  }

  /** Applies a load at once: used for navigation loads such as "items/name", which the same sync fills in. */
  loadNow(names: string[]): this {
    for (const name of names) {
      const top = name.split("/")[0]!;
      this.loaded.add(top);
      const value = this.readProperty(top);
      this.snapshot.set(top, value);
      if (
        Array.isArray(value) &&
        !value.some((v) => typeof v === "object" && v !== null && !Array.isArray(v))
      )
        this.session.responseBytes += payloadBytes(value);
    }
    return this;
  }

  protected loadedValue<T>(name: string): T {
    if (!this.loaded.has(name) && !this.loaded.has("*")) {
      throw new OfficeDoubleError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return (this.snapshot.has(name) ? this.snapshot.get(name) : this.readProperty(name)) as T;
  }
}

export class SheetData {
  cells = new Map<string, CellData>();
  columnWidths = new Map<number, number>();
  frozenRows = 0;
  tables: TableData[] = [];
  validations: { address: Address; rule: unknown; errorAlert: unknown }[] = [];
  conditionalFormats: { address: Address; type: string; formula: string; fill: string }[] = [];
  pageLayout = { orientation: "Portrait", paperSize: "Letter", printTitleRows: null as string | null };
  /** Manual page breaks, by the address of the row below each (as Excel's PageBreakCollection). */
  pageBreaks: string[] = [];
  printArea: string | null = null;
  margins: Record<string, number> = {};
  zoom: unknown = null;
  centerFooter = "";
  hiddenColumns = new Set<number>();
  rowHeights = new Map<number, number>();
  autoFilter: Address | null = null;
  merges: Address[] = [];
  charts: {
    type: string;
    source: Address;
    title: string;
    categories: Address[];
    colors: string[];
    position: [string, string] | null;
    legend: string;
  }[] = [];
  headers: { state: string; firstCenter: string; defaultCenter: string } = {
    state: "Default",
    firstCenter: "",
    defaultCenter: "",
  };
  constructor(public name: string) {}

  cell(row: number, col: number): CellData {
    const key = `${row},${col}`;
    let c = this.cells.get(key);
    if (!c) {
      c = emptyCell();
      this.cells.set(key, c);
    }
    return c;
  }

  peek(row: number, col: number): CellData | undefined {
    return this.cells.get(`${row},${col}`);
  }

  usedArea(): Address | null {
    let maxR = -1;
    let maxC = -1;
    for (const [key, c] of this.cells) {
      if (c.value === "" && c.formula === null) continue;
      const [r, col] = key.split(",").map(Number) as [number, number];
      maxR = Math.max(maxR, r);
      maxC = Math.max(maxC, col);
    }
    return maxR < 0 ? null : { row: 0, col: 0, rowCount: maxR + 1, colCount: maxC + 1 };
  }

  /** Values of a block as Excel would return them (formulas show their text here: the double does not calculate). */
  valuesOf(a: Address): (string | number | boolean)[][] {
    const out: (string | number | boolean)[][] = [];
    for (let r = 0; r < a.rowCount; r++) {
      const row: (string | number | boolean)[] = [];
      for (let c = 0; c < a.colCount; c++) row.push(this.peek(a.row + r, a.col + c)?.value ?? "");
      out.push(row);
    }
    return out;
  }
}

export interface TableData {
  name: string;
  address: Address;
  hasHeaders: boolean;
  style: string;
}

export class WorkbookDouble {
  sheets: SheetData[] = [];
  syncCount = 0;
  requestSizes: number[] = [];
  requestLimitBytes = REQUEST_LIMIT_BYTES;
  /** Delay of each sync, to let browser tests see and cancel a running job. */
  latencyMs = 0;
  calculationSuspended = false;
  calculationSuspensions = 0;
  selection: { sheet: string; address: Address; areas?: number } | null = null;
  registeredFunctions = new Map<string, unknown>();
  responseSizes: number[] = [];
  recalculations = 0;

  sheet(name: string): SheetData | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string): SheetData {
    if (this.sheet(name))
      throw new OfficeDoubleError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
    const s = new SheetData(name);
    this.sheets.push(s);
    return s;
  }

  /** Test helper: put values into a sheet directly (as a clerk would type or paste them). */
  seed(sheetName: string, topLeft: string, values: (string | number | boolean)[][]): void {
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    const a = parseAddress(topLeft);
    values.forEach((row, r) => row.forEach((v, c) => (sheet.cell(a.row + r, a.col + c).value = v)));
  }

  /** Test helper: select a range; "A1:B2,D4" selects two areas (Excel's multi-selection). */
  select(sheetName: string, address: string): void {
    const areas = address.split(",").map((a) => parseAddress(a.trim()));
    this.selection = { sheet: sheetName, address: areas[0]!, areas: areas.length };
  }

  /** Excel.run as office.js exposes it. */
  run = async <T>(batch: (context: RequestContextDouble) => Promise<T>): Promise<T> => {
    const context = new RequestContextDouble(new Session(this));
    return batch(context);
  };
}

function payloadBytes(value: unknown): number {
  return JSON.stringify(value)?.length ?? 4;
}

function asMatrix(value: unknown, a: Address, what: string): unknown[][] {
  if (!Array.isArray(value)) return Array.from({ length: a.rowCount }, () => Array(a.colCount).fill(value));
  if (value.length !== a.rowCount || value.some((row) => !Array.isArray(row) || row.length !== a.colCount)) {
    throw new OfficeDoubleError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
    );
  }
  return value as unknown[][];
}

export class RangeFormatDouble {
  font: { bold: boolean; color: string; name: string; size: number; italic: boolean };
  fill: { color: string };
  readonly borders: { getItem: (edge: string) => { style: string } };
  constructor(private readonly range: RangeDouble) {
    const self = this.range;
    const setter = (fn: (c: CellData) => void) => {
      self.forEach(fn);
      self.session.queue(24);
    };
    this.font = {
      set bold(v: boolean) {
        setter((c) => (c.bold = v));
      },
      get bold() {
        return self.firstCell().bold;
      },
      set name(v: string) {
        setter((c) => (c.fontName = v));
      },
      get name() {
        return self.firstCell().fontName ?? "Calibri";
      },
      set size(v: number) {
        if (!(v >= 1 && v <= 409)) throw new OfficeDoubleError("InvalidArgument", `Bad font size ${v}.`);
        setter((c) => (c.fontSize = v));
      },
      get size() {
        return self.firstCell().fontSize ?? 11;
      },
      set italic(v: boolean) {
        setter((c) => (c.italic = v));
      },
      get italic() {
        return Boolean(self.firstCell().italic);
      },
      color: "#000000",
    };
    this.borders = {
      getItem: (edge: string) => {
        if (
          !["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"].includes(
            edge,
          )
        )
          throw new OfficeDoubleError("InvalidArgument", `Unknown border '${edge}'.`);
        return {
          set style(v: string) {
            setter((c) => (c.borders = [...(c.borders ?? []), `${edge}:${v}`]));
          },
          get style() {
            return "";
          },
        };
      },
    };
    this.fill = {
      set color(v: string) {
        self.forEach((c) => (c.fill = v));
        self.session.queue(24);
      },
      get color() {
        return self.firstCell().fill ?? "";
      },
    };
  }
  set wrapText(v: boolean) {
    this.range.forEach((c) => (c.wrap = v));
    this.range.session.queue(24);
  }
  get wrapText(): boolean {
    return this.range.firstCell().wrap;
  }
  set columnWidth(points: number) {
    for (let c = 0; c < this.range.area.colCount; c++)
      this.range.sheet.columnWidths.set(this.range.area.col + c, points);
    this.range.session.queue(24);
  }
  set verticalAlignment(v: string) {
    if (!["Top", "Center", "Bottom", "Justify", "Distributed"].includes(v))
      throw new OfficeDoubleError("InvalidArgument", `Bad vertical alignment '${v}'.`);
    this.range.session.queue(24);
  }
  set horizontalAlignment(v: string) {
    if (
      ![
        "General",
        "Left",
        "Center",
        "Right",
        "Fill",
        "Justify",
        "CenterAcrossSelection",
        "Distributed",
      ].includes(v)
    )
      throw new OfficeDoubleError("InvalidArgument", `Bad horizontal alignment '${v}'.`);
    this.range.forEach((c) => (c.align = v));
    this.range.session.queue(24);
  }
  set indentLevel(v: number) {
    if (!(v >= 0 && v <= 250)) throw new OfficeDoubleError("InvalidArgument", `Bad indent ${v}.`);
    this.range.session.queue(16);
  }
  autofitRows(): void {
    this.range.session.queue(16);
  }
  set rowHeight(points: number) {
    for (let r = 0; r < this.range.area.rowCount; r++)
      this.range.sheet.rowHeights.set(this.range.area.row + r, points);
    this.range.session.queue(24);
  }
}

export class RangeDouble extends ProxyDouble {
  readonly format: RangeFormatDouble;
  readonly dataValidation: { rule: unknown; errorAlert: unknown; clear: () => void };
  readonly conditionalFormats: {
    add: (type: string) => { custom: { rule: { formula: string }; format: { fill: { color: string } } } };
    clearAll: () => void;
  };
  constructor(
    session: Session,
    readonly sheet: SheetData,
    readonly area: Address,
  ) {
    super(session);
    this.format = new RangeFormatDouble(this);
    const entry = { address: area, rule: null as unknown, errorAlert: null as unknown };
    const overlaps = (a: Address) =>
      a.row < area.row + area.rowCount &&
      area.row < a.row + a.rowCount &&
      a.col < area.col + area.colCount &&
      area.col < a.col + a.colCount;
    this.dataValidation = {
      clear: () => {
        sheet.validations = sheet.validations.filter((v) => !overlaps(v.address));
        session.queue(16);
      },
      set rule(v: unknown) {
        // Excel refuses a rule on cells that already have one: clear() first.
        if (sheet.validations.some((x) => x !== entry && overlaps(x.address)))
          throw new OfficeDoubleError("InvalidOperation", "The range already has a data validation rule.");
        entry.rule = v;
        if (!sheet.validations.includes(entry)) sheet.validations.push(entry);
        session.queue(payloadBytes(v));
      },
      get rule() {
        return entry.rule;
      },
      set errorAlert(v: unknown) {
        entry.errorAlert = v;
        session.queue(payloadBytes(v));
      },
      get errorAlert() {
        return entry.errorAlert;
      },
    };
    this.conditionalFormats = {
      clearAll: () => {
        sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => !overlaps(f.address));
        session.queue(16);
      },
      add: (type: string) => {
        const cf = { address: area, type, formula: "", fill: "" };
        // The new rule goes on top: the first entry has the highest priority.
        sheet.conditionalFormats.unshift(cf);
        session.queue(64);
        return {
          custom: {
            rule: {
              set formula(v: string) {
                cf.formula = v;
              },
              get formula() {
                return cf.formula;
              },
            },
            format: {
              fill: {
                set color(v: string) {
                  cf.fill = v;
                },
                get color() {
                  return cf.fill;
                },
              },
            },
          },
        };
      },
    };
  }

  forEach(fn: (cell: CellData, r: number, c: number) => void): void {
    for (let r = 0; r < this.area.rowCount; r++)
      for (let c = 0; c < this.area.colCount; c++)
        fn(this.sheet.cell(this.area.row + r, this.area.col + c), r, c);
  }

  firstCell(): CellData {
    return this.sheet.cell(this.area.row, this.area.col);
  }

  protected readProperty(name: string): unknown {
    switch (name) {
      case "values":
        return this.sheet.valuesOf(this.area);
      case "formulas":
        return this.matrix((c) => c?.formula ?? c?.value ?? "");
      case "numberFormat":
        return this.matrix((c) => c?.numberFormat ?? "General");
      case "address":
        return formatAddress(this.sheet.name, this.area);
      case "rowCount":
        return this.area.rowCount;
      case "columnCount":
        return this.area.colCount;
      case "rowIndex":
        return this.area.row;
      case "columnIndex":
        return this.area.col;
      default:
        return undefined;
    }
  }

  private matrix(fn: (c: CellData | undefined) => unknown): unknown[][] {
    const out: unknown[][] = [];
    for (let r = 0; r < this.area.rowCount; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < this.area.colCount; c++)
        row.push(fn(this.sheet.peek(this.area.row + r, this.area.col + c)));
      out.push(row);
    }
    return out;
  }

  get values(): unknown[][] {
    return this.loadedValue("values");
  }
  set values(v: unknown[][]) {
    const m = asMatrix(v, this.area, "values");
    this.session.queue(payloadBytes(v));
    this.forEach((cell, r, c) => {
      const x = m[r]![c];
      if (typeof x === "string" && x.startsWith("'")) {
        cell.value = x.slice(1);
        cell.formula = null;
      } else if (typeof x === "string" && /^[=+-]/.test(x) && x.length > 1 && cell.numberFormat !== "@") {
        // Excel reads "=…", "+…" and "-…" typed or written as values as formulas.
        cell.formula = x.startsWith("=") ? x : `=${x}`;
        cell.value = cell.formula;
      } else {
        cell.value = x === null || x === undefined ? "" : (x as string | number | boolean);
        cell.formula = null;
      }
    });
  }

  get formulas(): unknown[][] {
    return this.loadedValue("formulas");
  }
  set formulas(v: unknown[][]) {
    const m = asMatrix(v, this.area, "formulas");
    this.session.queue(payloadBytes(v));
    this.forEach((cell, r, c) => {
      const x = m[r]![c];
      if (typeof x === "string" && x.startsWith("=") && cell.numberFormat === "@") {
        // A Text-formatted cell keeps what is written as literal text, formulas included.
        cell.value = x;
        cell.formula = null;
      } else if (typeof x === "string" && x.startsWith("=")) {
        // A reference to a sheet that does not exist (yet) is lost: Excel writes #REF! for it.
        const book = this.session.book;
        cell.formula = x.replace(/'((?:[^']|'')+)'!\$?[A-Z]+\$?\d+/g, (m, name: string) =>
          book.sheet(name.replace(/''/g, "'")) ? m : "#REF!",
        );
        cell.value = cell.formula;
      } else if (typeof x === "string" && x.startsWith("'")) {
        cell.value = x.slice(1);
        cell.formula = null;
      } else {
        cell.value = x === null || x === undefined ? "" : (x as string | number | boolean);
        cell.formula = null;
      }
    });
  }

  get numberFormat(): unknown[][] {
    return this.loadedValue("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    const m = asMatrix(v, this.area, "numberFormat");
    this.session.queue(payloadBytes(v));
    this.forEach((cell, r, c) => (cell.numberFormat = String(m[r]![c])));
  }

  get address(): string {
    return this.loadedValue("address");
  }
  get rowCount(): number {
    return this.loadedValue("rowCount");
  }
  get columnCount(): number {
    return this.loadedValue("columnCount");
  }
  get rowIndex(): number {
    return this.loadedValue("rowIndex");
  }
  get columnIndex(): number {
    return this.loadedValue("columnIndex");
  }

  /** Range.copyFrom(source, "Formulas"): relative row references move by the row offset, as in Excel. */
  copyFrom(source: RangeDouble | string, type: string): void {
    const src =
      typeof source === "string" ? new RangeDouble(this.session, this.sheet, parseAddress(source)) : source;
    if (type !== "Formulas" && type !== "All")
      throw new OfficeDoubleError(
        "InvalidArgument",
        `copyFrom type '${type}' is not supported by the double.`,
      );
    this.session.queue(64);
    this.forEach((cell, r, c) => {
      const from = src.sheet.peek(
        src.area.row + (r % src.area.rowCount),
        src.area.col + (c % src.area.colCount),
      );
      const offset = this.area.row + r - (src.area.row + (r % src.area.rowCount));
      const f = from?.formula ?? null;
      if (f === null) {
        cell.value = from?.value ?? "";
        cell.formula = null;
        return;
      }
      const moved = f
        .split('"')
        .map((part, i) =>
          i % 2
            ? part
            : part.replace(
                /(\$?[A-Z]{1,3})(\$?)(\d+)(?![\d(])/g,
                (m, col: string, abs: string, row: string) => (abs ? m : `${col}${Number(row) + offset}`),
              ),
        )
        .join('"');
      cell.formula = moved;
      cell.value = moved;
    });
  }

  /** Range.merge: one merged area (Excel keeps the top-left value). */
  merge(_across = false): void {
    if (
      this.sheet.merges.some(
        (m) =>
          m.row < this.area.row + this.area.rowCount &&
          this.area.row < m.row + m.rowCount &&
          m.col < this.area.col + this.area.colCount &&
          this.area.col < m.col + m.colCount,
      )
    )
      throw new OfficeDoubleError("InvalidOperation", "The range overlaps a merged area.");
    this.sheet.merges.push(this.area);
    this.session.queue(24);
  }

  set columnHidden(v: boolean) {
    for (let c = 0; c < this.area.colCount; c++)
      if (v) this.sheet.hiddenColumns.add(this.area.col + c);
      else this.sheet.hiddenColumns.delete(this.area.col + c);
    this.session.queue(16);
  }

  select(): void {
    this.session.book.selection = { sheet: this.sheet.name, address: this.area };
    this.session.queue(16);
  }

  getCell(row: number, col: number): RangeDouble {
    return new RangeDouble(this.session, this.sheet, {
      row: this.area.row + row,
      col: this.area.col + col,
      rowCount: 1,
      colCount: 1,
    });
  }

  getResizedRange(deltaRows: number, deltaCols: number): RangeDouble {
    return new RangeDouble(this.session, this.sheet, {
      ...this.area,
      rowCount: this.area.rowCount + deltaRows,
      colCount: this.area.colCount + deltaCols,
    });
  }
}

export class TableDouble {
  constructor(
    private readonly session: Session,
    private readonly data: TableData,
  ) {}
  get name(): string {
    return this.data.name;
  }
  set name(v: string) {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(v))
      throw new OfficeDoubleError("InvalidArgument", `Invalid table name '${v}'.`);
    this.data.name = v;
    this.session.queue(32);
  }
  set style(v: string) {
    this.data.style = v;
    this.session.queue(32);
  }
  set showFilterButton(_v: boolean) {
    this.session.queue(16);
  }
  /** Turns the table into a plain range: its cells stay. */
  convertToRange(): void {
    for (const s of this.session.book.sheets) s.tables = s.tables.filter((t) => t !== this.data);
    this.session.queue(16);
  }
}

export class WorksheetDouble extends ProxyDouble {
  readonly freezePanes: { freezeRows: (n: number) => void };
  readonly pageLayout: {
    orientation: string;
    paperSize: string;
    setPrintTitleRows: (address: string) => void;
    setPrintArea: (address: string) => void;
    leftMargin: number;
    rightMargin: number;
    topMargin: number;
    bottomMargin: number;
    headerMargin: number;
    footerMargin: number;
    zoom: unknown;
    headersFooters: {
      state: string;
      defaultForAllPages: { centerFooter: string; centerHeader: string };
      firstPage: { centerHeader: string };
    };
  };
  readonly tables: { add: (address: string, hasHeaders: boolean) => TableDouble; items: TableDouble[] };
  readonly autoFilter: { apply: (address: string) => void };
  readonly charts: { add: (type: string, source: RangeDouble, seriesBy: string) => unknown };
  readonly horizontalPageBreaks: { add: (address: string) => void };

  constructor(
    session: Session,
    readonly data: SheetData,
  ) {
    super(session);
    this.horizontalPageBreaks = {
      add: (address: string) => {
        parseAddress(address);
        this.data.pageBreaks.push(address);
        session.queue(16);
      },
    };
    this.freezePanes = {
      freezeRows: (n: number) => {
        this.data.frozenRows = n;
        session.queue(16);
      },
    };
    const layout = this.data.pageLayout;
    this.pageLayout = {
      get orientation() {
        return layout.orientation;
      },
      set orientation(v: string) {
        layout.orientation = v;
        session.queue(16);
      },
      get paperSize() {
        return layout.paperSize;
      },
      set paperSize(v: string) {
        layout.paperSize = v;
        session.queue(16);
      },
      setPrintTitleRows: (address: string) => {
        layout.printTitleRows = address;
        session.queue(16);
      },
      setPrintArea: (address: string) => {
        parseAddress(address);
        data.printArea = address;
        session.queue(16);
      },
      ...Object.fromEntries(
        ["left", "right", "top", "bottom", "header", "footer"].map((k) => [`${k}Margin`, 0]),
      ),
      zoom: null,
      headersFooters: {
        set state(v: string) {
          if (!["Default", "FirstAndDefault", "OddAndEven", "FirstOddAndEven"].includes(v))
            throw new OfficeDoubleError("InvalidArgument", `Bad header state '${v}'.`);
          data.headers.state = v;
          session.queue(16);
        },
        get state() {
          return data.headers.state;
        },
        defaultForAllPages: {
          set centerFooter(v: string) {
            data.centerFooter = v;
            session.queue(16);
          },
          get centerFooter() {
            return data.centerFooter;
          },
          set centerHeader(v: string) {
            data.headers.defaultCenter = v;
            session.queue(16);
          },
          get centerHeader() {
            return data.headers.defaultCenter;
          },
        },
        firstPage: {
          set centerHeader(v: string) {
            data.headers.firstCenter = v;
            session.queue(16);
          },
          get centerHeader() {
            return data.headers.firstCenter;
          },
        },
      },
    } as WorksheetDouble["pageLayout"];
    for (const k of ["left", "right", "top", "bottom", "header", "footer"])
      Object.defineProperty(this.pageLayout, `${k}Margin`, {
        set: (v: number) => {
          if (typeof v !== "number" || v < 0)
            throw new OfficeDoubleError("InvalidArgument", `Bad margin ${v}.`);
          data.margins[k] = v;
          session.queue(16);
        },
        get: () => data.margins[k] ?? 0,
      });
    Object.defineProperty(this.pageLayout, "zoom", {
      set: (v: unknown) => {
        data.zoom = v;
        session.queue(16);
      },
      get: () => data.zoom,
    });
    this.charts = {
      add: (type: string, source: RangeDouble, seriesBy: string) => {
        if (!["BarStacked", "BarClustered", "ColumnStacked", "ColumnClustered", "Pie"].includes(type))
          throw new OfficeDoubleError("InvalidArgument", `Unsupported chart type '${type}'.`);
        if (seriesBy !== "Columns" && seriesBy !== "Rows" && seriesBy !== "Auto")
          throw new OfficeDoubleError("InvalidArgument", `Bad seriesBy '${seriesBy}'.`);
        const c = {
          type,
          source: source.area,
          title: "",
          categories: [] as Address[],
          colors: [] as string[],
          position: null as [string, string] | null,
          legend: "",
        };
        data.charts.push(c);
        session.queue(64);
        const count = seriesBy === "Rows" ? source.area.rowCount : source.area.colCount;
        return {
          title: {
            set text(v: string) {
              c.title = v;
            },
          },
          legend: {
            set position(v: string) {
              c.legend = v;
            },
          },
          series: {
            getItemAt: (i: number) => {
              if (i < 0 || i >= count) throw new OfficeDoubleError("InvalidArgument", `No series ${i}.`);
              return {
                setXAxisValues: (r: RangeDouble) => (c.categories[i] = r.area),
                format: { fill: { setSolidColor: (color: string) => (c.colors[i] = color) } },
              };
            },
          },
          setPosition: (from: string, to: string) => {
            parseAddress(from);
            parseAddress(to);
            c.position = [from, to];
          },
        };
      },
    };
    this.autoFilter = {
      apply: (address: string) => {
        const a = parseAddress(address);
        const clash = data.tables.find(
          (t) => t.address.row <= a.row + a.rowCount && a.row <= t.address.row + t.address.rowCount,
        );
        if (clash)
          throw new OfficeDoubleError("InvalidOperation", `The range overlaps the table '${clash.name}'.`);
        data.autoFilter = a;
        session.queue(32);
      },
    };
    this.tables = {
      get items() {
        return data.tables.map((t) => new TableDouble(session, t));
      },
      add: (address: string, hasHeaders: boolean) => {
        const table: TableData = {
          name: `Table${session.book.sheets.reduce((n, s) => n + s.tables.length, 0) + 1}`,
          address: parseAddress(address),
          hasHeaders,
          style: "TableStyleMedium2",
        };
        this.data.tables.push(table);
        session.queue(64);
        return new TableDouble(session, table);
      },
    };
  }

  protected readProperty(name: string): unknown {
    if (name === "name") return this.data.name;
    if (name === "position") return this.session.book.sheets.indexOf(this.data);
    return undefined;
  }

  get name(): string {
    return this.loadedValue("name");
  }

  get position(): number {
    return this.loadedValue("position");
  }
  set position(index: number) {
    const sheets = this.session.book.sheets;
    sheets.splice(sheets.indexOf(this.data), 1);
    sheets.splice(Math.min(index, sheets.length), 0, this.data);
    this.session.queue(16);
  }

  delete(): void {
    const sheets = this.session.book.sheets;
    if (sheets.length <= 1)
      throw new OfficeDoubleError(
        "InvalidOperation",
        "A workbook must contain at least one visible worksheet.",
      );
    sheets.splice(sheets.indexOf(this.data), 1);
    this.session.queue(16);
  }

  getRange(address: string): RangeDouble {
    return new RangeDouble(this.session, this.data, parseAddress(address));
  }

  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): RangeDouble {
    return new RangeDouble(this.session, this.data, { row, col, rowCount, colCount });
  }

  getUsedRange(): RangeDouble {
    const used = this.data.usedArea() ?? { row: 0, col: 0, rowCount: 1, colCount: 1 };
    return new RangeDouble(this.session, this.data, used);
  }

  activate(): void {
    this.session.queue(16);
  }
}

export class WorksheetCollectionDouble extends ProxyDouble {
  protected readProperty(name: string): unknown {
    if (name === "items")
      return this.session.book.sheets.map((s) =>
        new WorksheetDouble(this.session, s).loadNow(["name", "position"]),
      );
    return undefined;
  }

  get items(): WorksheetDouble[] {
    return this.loadedValue("items");
  }

  add(name: string): WorksheetDouble {
    this.session.queue(64);
    return new WorksheetDouble(this.session, this.session.book.addSheet(name));
  }

  getItem(name: string): WorksheetDouble {
    const s = this.session.book.sheet(name);
    if (!s)
      throw new OfficeDoubleError("ItemNotFound", `The requested resource doesn't exist (sheet '${name}').`);
    return new WorksheetDouble(this.session, s);
  }

  getActiveWorksheet(): WorksheetDouble {
    const s = this.session.book.sheets[0] ?? this.session.book.addSheet("Sheet1");
    return new WorksheetDouble(this.session, s);
  }
}

export class RequestContextDouble {
  readonly workbook: {
    worksheets: WorksheetCollectionDouble;
    application: { suspendApiCalculationUntilNextSync: () => void; calculate: (type: string) => void };
    getSelectedRange: () => RangeDouble;
  };

  constructor(private readonly session: Session) {
    const book = session.book;
    this.workbook = {
      worksheets: new WorksheetCollectionDouble(session),
      application: {
        suspendApiCalculationUntilNextSync: () => {
          book.calculationSuspended = true;
          book.calculationSuspensions++;
          session.queue(16);
        },
        calculate: (type: string) => {
          if (!["Recalculate", "Full", "FullRebuild"].includes(type))
            throw new OfficeDoubleError("InvalidArgument", `Unknown calculation type '${type}'.`);
          book.recalculations++;
          session.queue(16);
        },
      },
      getSelectedRange: () => {
        const sel = book.selection;
        if (!sel) throw new OfficeDoubleError("ItemNotFound", "Nothing is selected.");
        const sheet = book.sheet(sel.sheet);
        if (!sheet) throw new OfficeDoubleError("ItemNotFound", `Sheet '${sel.sheet}' is gone.`);
        if ((sel.areas ?? 1) > 1)
          session.pendingError = new OfficeDoubleError(
            "InvalidSelection",
            "The current selection is invalid for this operation (several areas are selected).",
          );
        return new RangeDouble(session, sheet, sel.address);
      },
    };
  }

  sync(): Promise<void> {
    return this.session.sync();
  }
}

/** Office, Excel and CustomFunctions globals backed by one in-memory workbook. */
export function createOfficeGlobals(book: WorkbookDouble = new WorkbookDouble()) {
  const Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    context: { displayLanguage: "vi-VN", requirements: { isSetSupported: () => true } },
    onReady: (cb?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      cb?.(info);
      return Promise.resolve(info);
    },
  };
  const Excel = { run: book.run };
  const CustomFunctions = {
    associate: (id: string, fn: unknown) => {
      book.registeredFunctions.set(id, fn);
    },
    Error: class CustomFunctionError extends Error {
      constructor(
        public readonly code: string,
        message?: string,
      ) {
        super(message);
      }
    },
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      invalidNumber: "#NUM!",
      divisionByZero: "#DIV/0!",
    },
  };
  return { book, Office, Excel, CustomFunctions };
}
