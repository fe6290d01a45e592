import assert from "node:assert/strict";
import { loadFixtures } from "../data/fixtures.ts";
import { type FundamentalFigures, FundamentalsIndex } from "./fundamentals_index.ts";

const report = (
  ticker: string,
  periodEnd: string,
  filingDate: string,
  pe = 15,
): FundamentalFigures => ({
  ticker,
  periodEnd,
  filingDate,
  pe,
  pb: 3,
  roe: 0.2,
  debtToEquity: 0.5,
  profitMargin: 0.2,
  revenueGrowth: 0.05,
  epsGrowth: 0.05,
});

const Q1 = report("AAPL", "2011-03-31", "2011-05-12", 15);
const Q2 = report("AAPL", "2011-06-30", "2011-08-04", 20);
const Q3 = report("AAPL", "2011-09-30", "2011-11-07", 22);

Deno.test("latestAsOf() hides a quarter after its period end until its filing date", () => {
  const index = FundamentalsIndex.fromRows([Q3, Q1, Q2]);
  assert.equal(index.latestAsOf("AAPL", "2011-03-31"), null); // Q1 ended, not filed
  assert.equal(index.latestAsOf("AAPL", "2011-05-11"), null);
  assert.equal(index.latestAsOf("AAPL", "2011-05-12"), Q1); // counts from the filing day
  assert.equal(index.latestAsOf("AAPL", "2011-07-15"), Q1); // Q2 ended 06-30, filed 08-04
  assert.equal(index.latestAsOf("AAPL", "2011-08-04"), Q2);
  assert.equal(index.latestAsOf("AAPL", "2020-01-01"), Q3);
});

Deno.test("latestAsOf() prefers the later period when two reports share a filing date", () => {
  const late = report("KO", "2012-03-31", "2012-05-01");
  const early = report("KO", "2011-12-31", "2012-05-01");
  const index = FundamentalsIndex.fromRows([late, early]);
  assert.equal(index.latestAsOf("KO", "2012-05-01"), late);
});

Deno.test("latestAsOf() ignores a report older than maxAgeDays", () => {
  const index = FundamentalsIndex.fromRows([Q1]);
  // 2011-05-12 + 100 days = 2011-08-20
  assert.equal(index.latestAsOf("AAPL", "2011-08-20", { maxAgeDays: 100 }), Q1);
  assert.equal(index.latestAsOf("AAPL", "2011-08-21", { maxAgeDays: 100 }), null);
});

Deno.test("latestAsOf() returns null for an unknown ticker and tickers() lists the known ones", () => {
  const index = FundamentalsIndex.fromRows([Q1, report("MSFT", "2011-03-31", "2011-04-28")]);
  assert.equal(index.latestAsOf("SPY", "2015-01-01"), null);
  assert.deepEqual(index.tickers(), ["AAPL", "MSFT"]);
});

Deno.test("FundamentalsIndex rejects a date that is not an ISO calendar date", () => {
  assert.throws(
    () => FundamentalsIndex.fromRows([report("AAPL", "2011-03-31", "2011-02-30")]),
    /filingDate of AAPL 2011-03-31 must be an ISO date/,
  );
  const index = FundamentalsIndex.fromRows([Q1]);
  assert.throws(() => index.latestAsOf("AAPL", "12/05/2011"), RangeError);
});

Deno.test("latestAsOf() on the fixture fundamentals never returns a report before its filing day", async () => {
  const { fundamentals } = await loadFixtures();
  const index = FundamentalsIndex.fromRows(fundamentals);
  assert.ok(fundamentals.length > 100);
  for (const row of fundamentals) {
    assert.equal(index.latestAsOf(row.ticker, row.filingDate), row);
    const dayBefore = new Date(Date.parse(row.filingDate) - 86_400_000).toISOString().slice(0, 10);
    const earlier = index.latestAsOf(row.ticker, dayBefore);
    assert.notEqual(earlier, row);
    assert.ok(earlier === null || earlier.filingDate < row.filingDate);
    assert.ok(row.periodEnd < row.filingDate);
  }
});
