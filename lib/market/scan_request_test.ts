import assert from "node:assert/strict";
import { seriesFromRows } from "../data/bars.ts";
import { Panel } from "../data/panel.ts";
import { InputError } from "../errors.ts";
import { parseScanDate, parseTimeframes, scanDayIndex, scanTickers } from "./scan_request.ts";

// Mon 2024-01-01 .. Fri 2024-01-05, then Mon 2024-01-08 (no bars on the weekend).
const days = [19723, 19724, 19725, 19726, 19727, 19730];
const panel = Panel.fromSeries([
  seriesFromRows(
    "X",
    "1d",
    days.map((d) => ({
      time: d * 86_400_000,
      open: 1,
      high: 1,
      low: 1,
      close: 1,
      adjClose: 1,
      volume: 1,
    })),
  ),
]);

function inputError(fn: () => unknown, message: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.equal(e.message, message);
    return true;
  });
}

Deno.test("scanDayIndex() takes the last trading day on or before the date", () => {
  assert.equal(panel.dateAt(scanDayIndex(panel, "2024-01-06")), "2024-01-05"); // a Saturday
  assert.equal(panel.dateAt(scanDayIndex(panel, "2024-01-08")), "2024-01-08");
  assert.equal(scanDayIndex(panel, "2024-01-01"), 0);
});

Deno.test("scanDayIndex() refuses a date outside the data or not a date, naming the flag", () => {
  inputError(
    () => scanDayIndex(panel, "2023-12-31"),
    "--date: 2023-12-31 is outside the data, which covers 2024-01-01 to 2024-01-08",
  );
  inputError(
    () => scanDayIndex(panel, "2024-01-09"),
    "--date: 2024-01-09 is outside the data, which covers 2024-01-01 to 2024-01-08",
  );
  inputError(
    () => scanDayIndex(panel, "2024-02-30"),
    '--date: "2024-02-30" is not a date as YYYY-MM-DD',
  );
  inputError(() => parseScanDate("5 Jan"), '--date: "5 Jan" is not a date as YYYY-MM-DD');
  inputError(
    () => parseScanDate(undefined),
    "--date: missing: the day to scan, as YYYY-MM-DD (see --help)",
  );
});

Deno.test("parseTimeframes() lists every problem at once", () => {
  assert.throws(() => parseTimeframes("1d,1d,1w=0,5m"), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.deepEqual(e.problems, [
      "--timeframes: 1d is named twice",
      '--timeframes: weight of 1w must be a number above 0, got "0"',
      '--timeframes: unknown timeframe "5m": expected 1h, 4h, 1d, 1w, 1mo',
    ]);
    return true;
  });
  inputError(() => parseTimeframes(" , "), "--timeframes: names no timeframe (e.g. 1d,1w,1mo)");
  assert.deepEqual(parseTimeframes("1mo,1h"), { "1mo": 0.2, "1h": 0.1 });
});

Deno.test("scanTickers() names unknown buckets and lists the buckets there are", () => {
  const map = { Gold: ["GLD"], Energy: ["XLE"] };
  inputError(
    () => scanTickers(["GLD"], { buckets: ["Gold", "Tech", "Crypto"], map, source: "csv x" }),
    '--buckets: unknown bucket "Tech", "Crypto": buckets are Gold, Energy',
  );
  inputError(
    () => scanTickers(["SPY"], { buckets: ["Gold", "Energy"], map, source: "csv x" }),
    "--buckets: no ticker of buckets Gold, Energy (GLD, XLE) is in csv x",
  );
});
