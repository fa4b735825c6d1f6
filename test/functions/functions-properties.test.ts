/**
 * Property: whatever a clerk's cells hold (random dates around boundaries, target texts, actuals,
 * blanks as null / "" / 0, decimal commas, decomposed Unicode), the KH functions never throw and
 * every result cell is something Excel can show: a finite number, a string, a boolean, or an error.
 */
import fc from "fast-check";
import * as KH from "../../src/functions/functions";
import { isoToSerial } from "../../src/core/excel-dates";

const showable = (v: unknown) =>
  typeof v === "string" ||
  typeof v === "boolean" ||
  (typeof v === "number" && Number.isFinite(v)) ||
  (typeof v === "object" &&
    v !== null &&
    "error" in v &&
    typeof (v as { message?: unknown }).message === "string");

const serial = fc.integer({ min: isoToSerial("2023-12-01")!, max: isoToSerial("2031-01-31")! });
const blank = fc.constantFrom(null, "", 0);
const dateCell = fc.oneof(serial, blank, fc.constantFrom("31/12/2025", "2025-02-29", "abc"));
const number = fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.double({ min: -10, max: 2000, noNaN: true }));
const numberText = number.map((n) => String(n).replace(".", ","));
const target = fc.oneof(
  fc.constantFrom(
    "≥ 80",
    "≥ 1,0",
    "≥ 1.000",
    "30",
    "100",
    "80–90",
    "45-50",
    "Dưới 4",
    "≤ 4",
    "Khoảng 40",
    "-",
    "X",
    "≥ 01",
  ),
  fc.constantFrom("100 (ghi chú)", "Tối thiểu 45%", "Từ 90% trở lên", "2% - 4%", "khoảng 0", "≤ 0", "≥ 0"),
  numberText.map((n) => `≥ ${n}`),
  number,
  blank,
  fc.string({ maxLength: 8 }),
);
const actual = fc.oneof(
  number,
  numberText,
  blank,
  fc.boolean(),
  fc.constantFrom("Đạt", "Đạt".normalize("NFD"), "Không", "x", "đang làm"),
);
const deadline = fc.oneof(
  fc.constantFrom(
    "Quý IV",
    "8/2025",
    "Thường xuyên",
    "Hằng quý",
    "31/6/2025",
    "2024 và những năm tiếp theo",
    "Quý I–2026",
  ),
  fc.string({ maxLength: 12 }),
);
const col = <T>(a: fc.Arbitrary<T>) =>
  fc.array(a, { minLength: 1, maxLength: 6 }).map((xs) => xs.map((x) => [x]));

describe("KH functions over random cells", () => {
  it("never throw and return only values Excel can show", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) =>
          fc.record({
            due: fc.array(dateCell, { minLength: n, maxLength: n }),
            done: fc.array(dateCell, { minLength: n, maxLength: n }),
            progress: fc.array(fc.oneof(fc.integer({ min: -10, max: 150 }), blank), {
              minLength: n,
              maxLength: n,
            }),
            rec: fc.array(deadline, { minLength: n, maxLength: n }),
            updated: fc.array(dateCell, { minLength: n, maxLength: n }),
            targets: fc.array(target, { minLength: n, maxLength: n }),
            actuals: fc.array(actual, { minLength: n, maxLength: n }),
          }),
        ),
        serial,
        fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constant(null)),
        fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constantFrom(null, "dương lịch", "x")),
        (c, report, window, cutoff) => {
          const v = (xs: unknown[]) => xs.map((x) => [x]);
          const results = [
            KH.trangThai(
              v(c.due),
              v(c.done),
              v(c.progress),
              report,
              v(c.rec),
              window as never,
              v(c.updated),
              cutoff,
            ),
            KH.soNgayConLai(v(c.due), report),
            KH.hanHoanThanh(v(c.rec), (window ?? null) as never),
            KH.lapLai(v(c.rec)),
            KH.giaTriChiTieu(v(c.targets)),
            KH.chenhLech(v(c.targets), v(c.actuals)),
            KH.tyLeDat(v(c.targets), v(c.actuals)),
            KH.danhGia(v(c.targets), v(c.actuals)),
            KH.kyBaoCao(v(c.due), "9 tháng", cutoff),
            [[KH.chiTieuHienHanh([[2025, 2030, "Năm 2035"]], [c.targets.slice(0, 3)], report)]],
            [[KH.dungTienDo([[2025, 2030]], [c.targets.slice(0, 2)], c.actuals[0], report, 2025)]],
          ];
          for (const r of results)
            for (const row of r) for (const cell of row) expect(showable(cell)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("spill exactly the shape of their ranges", () => {
    fc.assert(
      fc.property(col(target), (targets) => {
        expect(KH.danhGia(targets, [[50]])).toHaveLength(targets.length);
      }),
    );
  });
});
