import assert from "node:assert/strict";
import { type BarRow, seriesFromRows } from "./bars.ts";
import { checkSeries, MAX_LISTED_PROBLEMS, seriesProblems } from "./validate.ts";
import { InputError } from "../errors.ts";

const DAY = 86_400_000;
const jan = (d: number) => Date.UTC(2020, 0, d);

function bar(time: number, over: Partial<BarRow> = {}): BarRow {
  return { time, open: 10, high: 11, low: 9, close: 10.5, adjClose: 10.5, volume: 100, ...over };
}

Deno.test("seriesProblems() finds nothing wrong in a valid series, zero volume included", () => {
  const s = seriesFromRows("AAA", "1d", [bar(jan(2)), bar(jan(3), { volume: 0 }), bar(jan(6))]);
  assert.deepEqual(seriesProblems(s, { source: "a.csv" }), []);
  assert.equal(checkSeries(s, { source: "a.csv" }), s);
});

Deno.test("seriesProblems() names source, row, file line, date and rule for each broken rule", () => {
  const s = seriesFromRows("AAA", "1d", [
    bar(jan(2)),
    bar(jan(3), { high: 9.5, close: 10 }),
    bar(jan(3)),
    bar(jan(1)),
    bar(jan(7), { low: 10.6 }),
    bar(jan(8), { close: -1 }),
    bar(jan(9), { adjClose: Infinity, volume: -5 }),
  ]);
  const lines = [2, 3, 5, 6, 7, 8, 9];
  assert.deepEqual(seriesProblems(s, { source: "x.csv", lineOfRow: lines }), [
    "x.csv row 2 (line 3, 2020-01-03): high 9.5 is below open 10",
    "x.csv row 2 (line 3, 2020-01-03): high 9.5 is below close 10",
    "x.csv row 3 (line 5, 2020-01-03): time repeats the previous row's",
    "x.csv row 4 (line 6, 2020-01-01): time is before the previous row's 2020-01-03",
    "x.csv row 5 (line 7, 2020-01-07): low 10.6 is above open 10",
    "x.csv row 5 (line 7, 2020-01-07): low 10.6 is above close 10.5",
    "x.csv row 6 (line 8, 2020-01-08): close -1 is not a positive number",
    "x.csv row 7 (line 9, 2020-01-09): adj close Infinity is not a positive number",
    "x.csv row 7 (line 9, 2020-01-09): volume -5 is not a number >= 0",
  ]);
});

Deno.test("seriesProblems() writes intraday times to the minute and omits lines for non-file sources", () => {
  const t = jan(2) + 14.5 * 3_600_000;
  const s = seriesFromRows("SPY", "1h", [bar(t), bar(t + 3_600_000, { open: NaN })]);
  assert.deepEqual(seriesProblems(s, { source: "yahoo SPY 1h" }), [
    "yahoo SPY 1h row 2 (2020-01-02T15:30Z): open NaN is not a positive number",
  ]);
});

Deno.test("checkSeries() throws one InputError listing 20 problems and how many more", () => {
  const rows = Array.from({ length: 30 }, (_, i) => bar(jan(1) + i * DAY, { volume: -1 }));
  const s = seriesFromRows("AAA", "1d", rows);
  assert.throws(() => checkSeries(s, { source: "big.csv" }), (error) => {
    assert.ok(error instanceof InputError);
    assert.equal(error.problems.length, MAX_LISTED_PROBLEMS + 1);
    assert.equal(error.problems[0], "big.csv row 1 (2020-01-01): volume -1 is not a number >= 0");
    assert.equal(error.problems[MAX_LISTED_PROBLEMS], "... and 10 more problems");
    return true;
  });
});
