import assert from "node:assert/strict";
import fc from "fast-check";
import { describeCsvPath, parseBarsCsv, readBarsCsv } from "./csv.ts";
import { InputError } from "../errors.ts";

const opts = { source: "x.csv", ticker: "XYZ" } as const;

/** Asserts that `fn` throws an InputError whose problems are exactly `expected`. */
function throwsProblems(fn: () => unknown, expected: string[]): void {
  assert.throws(fn, (error) => {
    assert.ok(error instanceof InputError);
    assert.deepEqual(error.problems, expected);
    return true;
  });
}

Deno.test("parseBarsCsv() reads Yahoo's Date,Open,High,Low,Close,Adj Close,Volume format", () => {
  const text = "Date,Open,High,Low,Close,Adj Close,Volume\n" +
    "1999-11-01,80.0,80.69,77.37,77.62,0.597773449542,2487300\n" +
    "1999-11-02,78.0,81.69,77.31,80.25,0.618027819193,3564600\n";
  const { series, skippedNullRows } = parseBarsCsv(text, opts);
  assert.equal(series.ticker, "XYZ");
  assert.equal(series.interval, "1d");
  assert.deepEqual([...series.time], [Date.UTC(1999, 10, 1), Date.UTC(1999, 10, 2)]);
  assert.deepEqual([...series.open], [80, 78]);
  assert.deepEqual([...series.high], [80.69, 81.69]);
  assert.deepEqual([...series.low], [77.37, 77.31]);
  assert.deepEqual([...series.close], [77.62, 80.25]);
  assert.deepEqual([...series.adjClose], [0.597773449542, 0.618027819193]);
  assert.deepEqual([...series.volume], [2487300, 3564600]);
  assert.equal(skippedNullRows, 0);
});

Deno.test("parseBarsCsv() uses Close as Adj Close without that column and ignores extra columns", () => {
  // backtrader's 2006-day-001.txt header, first two rows.
  const text = "Date,Open,High,Low,Close,Volume,OpenInterest\r\n" +
    "2006-01-02,3578.73,3605.95,3578.73,3604.33,0,0\r\n" +
    "2006-01-03,3604.08,3638.42,3601.84,3614.34,0,0\r\n";
  const { series } = parseBarsCsv(text, opts);
  assert.deepEqual([...series.adjClose], [3604.33, 3614.34]);
  assert.deepEqual([...series.volume], [0, 0]);
});

Deno.test("parseBarsCsv() matches headers case-insensitively in any order, skipping blank lines", () => {
  const text = "\uFEFFvolume, CLOSE ,date,open,LOW,high\n\n5,10,2020-01-02,10,9,11\n\n";
  const { series } = parseBarsCsv(text, opts);
  assert.deepEqual([...series.close], [10]);
  assert.deepEqual([...series.volume], [5]);
});

Deno.test("parseBarsCsv() reads a Datetime column as hourly bars in UTC, honouring zones", () => {
  const text = "Datetime,Open,High,Low,Close,Adj Close,Volume\n" +
    "2020-01-07T14:30:00Z,118.53,118.85,117.67,118.13,118.13,6331455\n" +
    "2020-01-07 10:30:00-05:00,118.13,118.49,116.80,117.64,117.64,4682678\n" +
    "2020-01-07 16:30:00,117.64,118.00,117.50,117.90,117.90,100\n";
  const { series } = parseBarsCsv(text, opts);
  assert.equal(series.interval, "1h");
  // 10:30 at UTC-05:00 is 15:30 UTC; no zone means UTC.
  assert.deepEqual([...series.time], [
    Date.UTC(2020, 0, 7, 14, 30),
    Date.UTC(2020, 0, 7, 15, 30),
    Date.UTC(2020, 0, 7, 16, 30),
  ]);
});

Deno.test("parseBarsCsv() skips Yahoo's null rows and counts them", () => {
  const text = "Date,Open,High,Low,Close,Adj Close,Volume\n" +
    "2020-01-02,10,11,9,10,10,100\n" +
    "2020-01-03,null,null,null,null,null,null\n" +
    "2020-01-06,10,11,9,10,10,100\n";
  const { series, skippedNullRows } = parseBarsCsv(text, opts);
  assert.equal(series.time.length, 2);
  assert.equal(skippedNullRows, 1);
});

Deno.test("parseBarsCsv() reports every malformed field with file, line and column", () => {
  const text = "Date,Open,High,Low,Close,Adj Close,Volume\n" +
    "2020-01-02,10,11,9,10,10,100\n" +
    "2020-01-03,10,11,9,10,10\n" +
    "2020-01-06,10,abc,9,10,10,100\n" +
    "2020-02-30,10,11,9,10,10,100\n" +
    "2020-01-08,10,11,9,,10,100\n";
  throwsProblems(() => parseBarsCsv(text, opts), [
    "x.csv line 3: expected 7 fields as in the header, found 6",
    'x.csv line 4 column High: "abc" is not a number',
    'x.csv line 5 column Date: "2020-02-30" is not a date',
    'x.csv line 6 column Close: "" is not a number',
  ]);
});

Deno.test("parseBarsCsv() reports broken price rules with the file line of the row", () => {
  const text = "Date,Open,High,Low,Close,Adj Close,Volume\n" +
    "2020-01-02,10,11,9,10,10,100\n" +
    "2020-01-03,null,null,null,null,null,null\n" +
    "2020-01-06,10,9.5,9,10,10,100\n";
  throwsProblems(() => parseBarsCsv(text, opts), [
    "x.csv row 2 (line 4, 2020-01-06): high 9.5 is below open 10",
    "x.csv row 2 (line 4, 2020-01-06): high 9.5 is below close 10",
  ]);
});

Deno.test("parseBarsCsv() refuses an empty file, a missing column and a file without data", () => {
  throwsProblems(() => parseBarsCsv("\n\n", opts), ["x.csv: the file is empty (no header line)"]);
  throwsProblems(() => parseBarsCsv("Date,Open,High,Low,Close,Adj Close\n", opts), [
    'x.csv line 1: no "volume" column in header "date,open,high,low,close,adj close"',
  ]);
  throwsProblems(
    () =>
      parseBarsCsv("Date,Open,High,Low,Close,Volume\n2020-01-01,null,null,null,null,null\n", opts),
    ["x.csv: no data rows (1 rows of null values skipped)"],
  );
});

Deno.test("parseBarsCsv() wants a time of day for intraday intervals", () => {
  const text = "Date,Open,High,Low,Close,Volume\n2020-01-02,10,11,9,10,100\n";
  throwsProblems(() => parseBarsCsv(text, { ...opts, interval: "1h" }), [
    'x.csv line 2 column Date: "2020-01-02" is not a date-time (YYYY-MM-DDTHH:MM[:SS][Z|±hh:mm])',
  ]);
});

Deno.test("describeCsvPath() takes the ticker, and a known interval suffix, from the file name", () => {
  assert.deepEqual(describeCsvPath("data/brk-b.csv"), { ticker: "BRK-B" });
  assert.deepEqual(describeCsvPath("fixtures/intraday/SPY_1h.csv"), {
    ticker: "SPY",
    interval: "1h",
  });
  assert.deepEqual(describeCsvPath("C:\\data\\MY_FUND.csv"), { ticker: "MY_FUND" });
});

Deno.test("readBarsCsv() names a missing file", async () => {
  await assert.rejects(readBarsCsv("/nonexistent/dir/ZZZ.csv"), (error) => {
    assert.ok(error instanceof InputError);
    assert.equal(error.message, "/nonexistent/dir/ZZZ.csv: no such file");
    return true;
  });
});

const shared = new URL("../../../shared/data/backtrader/", import.meta.url);
const sharedExists = await Deno.stat(shared).then(() => true, () => false);
if (!sharedExists) console.log(`skipping backtrader data tests: ${shared.pathname} is absent`);

Deno.test({
  name: "readBarsCsv() parses backtrader's four sample files with zero validation errors",
  ignore: !sharedExists,
  async fn() {
    // Row counts and first/last dates from ../shared/data/README.md.
    const expected = [
      ["2006-day-001.txt", 255, "2006-01-02", "2006-12-29"],
      ["nvda-1999-2014.txt", 4012, "1999-01-22", "2014-12-31"],
      ["orcl-1995-2014.txt", 5036, "1995-01-03", "2014-12-31"],
      ["yhoo-1996-2014.txt", 4713, "1996-04-12", "2014-12-31"],
    ] as const;
    for (const [file, rows, first, last] of expected) {
      const { series, skippedNullRows } = await readBarsCsv(new URL(file, shared).pathname, {
        ticker: "X",
      });
      assert.equal(series.time.length, rows, file);
      assert.equal(new Date(series.time[0] as number).toISOString().slice(0, 10), first);
      assert.equal(new Date(series.time[rows - 1] as number).toISOString().slice(0, 10), last);
      assert.equal(skippedNullRows, 0);
    }
  },
});

Deno.test("parseBarsCsv() takes exponents, long mantissas and yfinance's zoned daily dates", () => {
  const text = "Date,Open,High,Low,Close,Adj Close,Volume\n" +
    "2023-01-03 00:00:00-05:00,1e1,11,9,10.123456789012345678,10,2.5E3\n";
  const { series } = parseBarsCsv(text, opts);
  assert.deepEqual([...series.time], [Date.UTC(2023, 0, 3)]);
  assert.deepEqual([series.open[0], series.close[0], series.volume[0]], [
    10,
    10.123456789012345678,
    2500,
  ]);
});

Deno.test("parseBarsCsv() reads every field exactly as Number() does (the byte fast path)", () => {
  // Reference: Number() on the same text; the fast path must agree bit for bit.
  fc.assert(
    fc.property(
      fc.double({ min: 1, max: 1e9, noNaN: true }),
      fc.integer({ min: 0, max: 12 }),
      (x, decimals) => {
        const field = x.toFixed(decimals);
        const row = `2020-01-02,${field},${field},${field},${field},${field},${field}\n`;
        const { series } = parseBarsCsv("Date,Open,High,Low,Close,Adj Close,Volume\n" + row, opts);
        assert.ok(Object.is(series.close[0], Number(field)), field);
      },
    ),
    { numRuns: 2000 },
  );
});
