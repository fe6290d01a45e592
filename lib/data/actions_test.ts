import assert from "node:assert/strict";
import { checkActions, type CorporateAction, sortActions, splitsByTicker } from "./actions.ts";
import { parseActionsCsv } from "./actions_csv.ts";
import { parseIsoDay } from "./dates.ts";
import { InputError } from "../errors.ts";

const day = parseIsoDay;

Deno.test("parseActionsCsv() reads a per-ticker Date,Dividend,Split file", () => {
  // First rows of ../shared/data/actions/AAPL.csv.
  const text = "Date,Dividend,Split\n2000-06-21,0.0000,2.0\n2012-08-09,2.6500,1.0\n";
  assert.deepEqual(parseActionsCsv(text, { source: "AAPL.csv", ticker: "AAPL" }), [
    { ticker: "AAPL", day: day("2000-06-21"), dividend: 0, split: 2 },
    { ticker: "AAPL", day: day("2012-08-09"), dividend: 2.65, split: 1 },
  ]);
});

Deno.test("parseActionsCsv() reads a Ticker column and sorts by ticker, then day", () => {
  const text = "Ticker,Date,Dividend,Split\nspy,2011-06-17,0.6915,1\nAGG,2011-03-01,0.2,1\n" +
    "SPY,2011-03-18,0.5533,1\n";
  const actions = parseActionsCsv(text, { source: "actions.csv" });
  assert.deepEqual(actions.map((a) => `${a.ticker} ${a.day}`), [
    `AGG ${day("2011-03-01")}`,
    `SPY ${day("2011-03-18")}`,
    `SPY ${day("2011-06-17")}`,
  ]);
});

Deno.test("parseActionsCsv() reports bad fields, bad values and repeated days with their lines", () => {
  const text = "Ticker,Date,Dividend,Split\nSPY,2011-13-01,0.5,1\nSPY,2011-03-18,x,1\n";
  assert.throws(() => parseActionsCsv(text, { source: "a.csv" }), (error) => {
    assert.ok(error instanceof InputError);
    assert.deepEqual(error.problems, [
      'a.csv line 2 column Date: "2011-13-01" is not a date',
      'a.csv line 3 column Dividend: "x" is not a number',
    ]);
    return true;
  });
  const values = "Date,Dividend,Split\n2011-03-18,-1,0\n2011-03-18,0.5,1\n";
  assert.throws(() => parseActionsCsv(values, { source: "b.csv", ticker: "SPY" }), (error) => {
    assert.ok(error instanceof InputError);
    assert.deepEqual(error.problems, [
      "b.csv line 2 (SPY 2011-03-18): dividend -1 is not a number >= 0",
      "b.csv line 2 (SPY 2011-03-18): split 0 is not a positive number",
      "b.csv line 3 (SPY 2011-03-18): a second record for the same ticker and day",
    ]);
    return true;
  });
});

Deno.test("parseActionsCsv() needs a ticker from a column or the caller", () => {
  assert.throws(
    () => parseActionsCsv("Date,Dividend,Split\n2011-03-18,1,1\n", { source: "c.csv" }),
    /c\.csv line 1: no "ticker" or "symbol" column/,
  );
});

Deno.test("checkActions() accepts valid actions and returns them", () => {
  const actions: CorporateAction[] = [{ ticker: "A", day: 100, dividend: 0.5, split: 1 }];
  assert.equal(checkActions(actions, { source: "t" }), actions);
});

Deno.test("splitsByTicker() lists only real splits, in Panel.fromSeries's shape", () => {
  const actions: CorporateAction[] = [
    { ticker: "USO", day: day("2020-04-29"), dividend: 0, split: 0.125 },
    { ticker: "AAPL", day: day("2020-08-31"), dividend: 0, split: 4 },
    { ticker: "AAPL", day: day("2014-06-09"), dividend: 0, split: 7.00000700001 },
    { ticker: "AAPL", day: day("2020-08-07"), dividend: 0.82, split: 1 },
  ];
  assert.deepEqual(splitsByTicker(actions), {
    AAPL: [{ date: "2014-06-09", ratio: 7.00000700001 }, { date: "2020-08-31", ratio: 4 }],
    USO: [{ date: "2020-04-29", ratio: 0.125 }],
  });
  assert.equal(sortActions(actions)[0]?.ticker, "AAPL");
});
