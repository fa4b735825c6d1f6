/**
 * Line numbers (1-based) of one text: which lines a table holds, which were read into a cell. A
 * table marks every one of its lines, 100,000 and more in a long plan, so the set is a byte per
 * line rather than a hash set, and lists its lines in order without sorting.
 */
export class LineSet {
  private marks: Uint8Array;

  constructor(lineCount: number) {
    this.marks = new Uint8Array(lineCount + 1);
  }

  add(line: number): void {
    if (line >= this.marks.length) this.grow(line);
    this.marks[line] = 1;
  }

  delete(line: number): void {
    if (line < this.marks.length) this.marks[line] = 0;
  }

  has(line: number): boolean {
    return this.marks[line] === 1;
  }

  /** The lines held, in ascending order. */
  lines(): number[] {
    const out: number[] = [];
    for (let i = 1; i < this.marks.length; i++) if (this.marks[i]) out.push(i);
    return out;
  }

  private grow(line: number): void {
    const marks = new Uint8Array(Math.max(line + 1, this.marks.length * 2));
    marks.set(this.marks);
    this.marks = marks;
  }
}
