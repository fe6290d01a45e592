import assert from "node:assert/strict";
import { seriesFromRows } from "./bars.ts";
import { parseIsoDay } from "./dates.ts";
import {
  fundamentalRowsFromStatements,
  type StatementPeriod,
  type StatementPrices,
} from "./statement_fundamentals.ts";
import type { FundamentalRow } from "./fixture_types.ts";

function period(periodEnd: string, figures: Partial<StatementPeriod> = {}): StatementPeriod {
  return {
    periodEnd,
    revenue: 100,
    netIncome: 10,
    dilutedEps: 1,
    equity: 8000,
    totalDebt: 4000,
    shares: 400,
    ...figures,
  };
}

function prices(closes: Record<string, number>, splits: Record<string, number> = {}) {
  const rows = Object.entries(closes).map(([iso, close]) => ({
    time: Date.parse(iso),
    open: close,
    high: close,
    low: close,
    close,
    adjClose: close,
    volume: 1,
  }));
  return {
    series: seriesFromRows("ACME", "1d", rows),
    splits: Object.entries(splits).map(([iso, split]) => ({
      ticker: "ACME",
      day: parseIsoDay(iso),
      dividend: 0,
      split,
    })),
  } satisfies StatementPrices;
}

function byEnd(rows: readonly FundamentalRow[], periodEnd: string): FundamentalRow {
  const row = rows.find((r) => r.periodEnd === periodEnd);
  assert.ok(row !== undefined, `no row for ${periodEnd}`);
  return row;
}

// An AAPL-like 4-for-1 split on 2020-08-31: EPS and shares as filed, closes split-adjusted.
const splitQuarters = [
  period("2019-09-30", { dilutedEps: 3 }), // filed 2019-11-14: 0.75 on today's basis
  period("2019-12-31", { dilutedEps: 4 }), // filed 2020-02-14: 1.00
  period("2020-03-31", { dilutedEps: 2 }), // filed 2020-05-15: 0.50
  period("2020-06-30", { dilutedEps: 2, shares: 100 }), // filed 2020-08-14, before the split: 0.50
  period("2020-09-30", { dilutedEps: 0.5, shares: 400 }), // filed 2020-11-14, after it: 0.50
];
const splitPrices = prices({ "2020-08-14": 110, "2020-11-13": 100 }, { "2020-08-31": 4 });

Deno.test("fundamentalRowsFromStatements() puts per-share figures filed before a split on the closes' basis", () => {
  const rows = fundamentalRowsFromStatements(
    "ACME",
    { quarterly: splitQuarters, annual: [] },
    splitPrices,
  );
  // Hand calculation: TTM EPS 0.75 + 1 + 0.5 + 0.5 = 2.75 at 2020-06-30, close 110 -> PE 40;
  // shares 100 as filed are 400 today, book per share 8000 / 400 = 20 -> PB 5.5.
  const june = byEnd(rows, "2020-06-30");
  assert.equal(june.pe, 40);
  assert.equal(june.pb, 5.5);
  // After the split: TTM EPS 1 + 0.5 + 0.5 + 0.5 = 2.5, the Saturday filing takes Friday's
  // close 100 -> PE 40; EPS growth 0.5 over 0.75 a year before.
  const september = byEnd(rows, "2020-09-30");
  assert.equal(september.filingDate, "2020-11-14");
  assert.equal(september.pe, 40);
  assert.equal(september.pb, 5);
  assert.equal(september.epsGrowth, 0.5 / 0.75 - 1);
});

Deno.test("fundamentalRowsFromStatements() takes no close older than a week before the filing", () => {
  const statements = { quarterly: splitQuarters, annual: [] };
  // 2020-11-14 - 2020-11-06 = 8 days: too old; 2020-11-09 is 5 days before: used.
  const stale = fundamentalRowsFromStatements("ACME", statements, prices({ "2020-11-06": 99 }));
  assert.ok(Number.isNaN(byEnd(stale, "2020-09-30").pe));
  assert.ok(Number.isNaN(byEnd(stale, "2020-09-30").pb));
  const recent = fundamentalRowsFromStatements("ACME", statements, prices({ "2020-11-09": 99 }));
  // No splits given: EPS 4 + 2 + 2 + 0.5 as filed.
  assert.equal(byEnd(recent, "2020-09-30").pe, 99 / 8.5);
  // Without prices, valuation is unknown and the rest is unchanged.
  const none = fundamentalRowsFromStatements("ACME", statements);
  assert.ok(Number.isNaN(byEnd(none, "2020-09-30").pe));
  assert.equal(byEnd(none, "2020-09-30").roe, 40 / 8000);
});

Deno.test("fundamentalRowsFromStatements() sums no TTM across a missing quarter", () => {
  const quarterly = ["2020-03-31", "2020-06-30", "2020-12-31", "2021-03-31"].map((d) => period(d));
  const rows = fundamentalRowsFromStatements("ACME", { quarterly, annual: [] }, prices({}));
  const last = byEnd(rows, "2021-03-31");
  assert.ok(Number.isNaN(last.roe));
  assert.ok(Number.isNaN(last.profitMargin));
  assert.equal(last.debtToEquity, 0.5);
  assert.equal(last.revenueGrowth, 0); // 100 over 100 at 2020-03-31
});

Deno.test("fundamentalRowsFromStatements() signs losses and negative book, and leaves ROE of negative equity unknown", () => {
  const quarterly = ["2020-03-31", "2020-06-30", "2020-09-30"].map((d) => period(d));
  quarterly.push(period("2020-12-31", { dilutedEps: -4, netIncome: -40, equity: -800 }));
  const rows = fundamentalRowsFromStatements(
    "ACME",
    { quarterly, annual: [] },
    prices({ "2021-02-12": 10 }),
  );
  const row = byEnd(rows, "2020-12-31");
  // TTM EPS 1 + 1 + 1 - 4 = -1 -> PE -10; book per share -800 / 400 = -2 -> PB -5.
  assert.equal(row.pe, -10);
  assert.equal(row.pb, -5);
  assert.ok(Number.isNaN(row.roe));
  assert.equal(row.debtToEquity, 4000 / -800);
  assert.equal(row.profitMargin, -10 / 400); // TTM net income 10 + 10 + 10 - 40 over revenue 400
});

Deno.test("fundamentalRowsFromStatements() needs positive revenue for a margin and a positive base for growth", () => {
  const quarterly = [
    period("2020-03-31", { revenue: 0, dilutedEps: -1 }),
    period("2020-06-30"),
    period("2020-09-30"),
    period("2020-12-31"),
    period("2021-03-31", { revenue: 50, dilutedEps: 2 }),
  ];
  const rows = fundamentalRowsFromStatements("ACME", { quarterly, annual: [] });
  const row = byEnd(rows, "2021-03-31");
  assert.ok(Number.isNaN(row.revenueGrowth)); // from 0
  assert.ok(Number.isNaN(row.epsGrowth)); // from a loss
  assert.equal(row.profitMargin, 40 / 350);
});
