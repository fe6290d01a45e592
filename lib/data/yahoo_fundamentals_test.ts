import assert from "node:assert/strict";
import { loadYahooFundamentals, statementPeriods } from "./yahoo_fundamentals.ts";
import type { FundamentalRow } from "./fixture_types.ts";
import { fundamentalScore } from "../portfolio/fundamental_score.ts";
import { InputError, ServiceError } from "../errors.ts";
import { MSFT_ROUTES, yahooFakeFetch, yahooRequestKind } from "./testdata/yahoo_fake_fetch.ts";

const request = { start: "2019-01-01", end: "2023-12-31" } as const;

function near(actual: number | undefined, expected: number, what: string): void {
  assert.ok(
    actual !== undefined && Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)),
    `${what}: ${actual} is not ${expected}`,
  );
}

function byEnd(rows: readonly FundamentalRow[], periodEnd: string): FundamentalRow {
  const row = rows.find((r) => r.periodEnd === periodEnd);
  assert.ok(row !== undefined, `no row for ${periodEnd}`);
  return row;
}

Deno.test("loadYahooFundamentals() builds MSFT's rows with estimated filing dates, one per period end", async () => {
  const { fetch } = yahooFakeFetch(MSFT_ROUTES);
  const rows = await loadYahooFundamentals(["MSFT"], request, { fetch });
  // Quarters 2022-06-30 .. 2023-06-30 and the annual reports of FY2020 and FY2021
  // (FY2022 and FY2023 end on a quarter's day); MSFT's fiscal year ends on June 30,
  // so those quarters are 10-K filings (+90 days), the others 10-Qs (+45 days).
  assert.deepEqual(rows.map((r) => [r.periodEnd, r.filingDate]), [
    ["2020-06-30", "2020-09-28"],
    ["2021-06-30", "2021-09-28"],
    ["2022-06-30", "2022-09-28"],
    ["2022-09-30", "2022-11-14"],
    ["2022-12-31", "2023-02-14"],
    ["2023-03-31", "2023-05-15"],
    ["2023-06-30", "2023-09-28"],
  ]);
  assert.ok(rows.every((r) => r.ticker === "MSFT"));
});

Deno.test("loadYahooFundamentals() computes a full quarter's ratios from four quarters and the filing-day close", async () => {
  const { fetch } = yahooFakeFetch(MSFT_ROUTES);
  const row = byEnd(await loadYahooFundamentals(["MSFT"], request, { fetch }), "2023-06-30");
  // Hand calculation from the recorded files (figures in millions of USD):
  // close 313.64 on 2023-09-28; diluted EPS of the four quarters 2.35, 2.20, 2.45, 2.69;
  // equity 206,223, debt 59,965, shares 7,432; net income 17,556 + 16,425 + 18,299 + 20,081;
  // revenue 50,122 + 52,747 + 52,857 + 56,189; a year before: revenue 51,865, EPS 2.23.
  near(row.pe, 313.64 / (2.35 + 2.2 + 2.45 + 2.69), "pe");
  near(row.pb, 313.64 / (206_223 / 7_432), "pb");
  near(row.roe, 72_361 / 206_223, "roe");
  near(row.debtToEquity, 59_965 / 206_223, "debtToEquity");
  near(row.profitMargin, 72_361 / 211_915, "profitMargin");
  near(row.revenueGrowth, 56_189 / 51_865 - 1, "revenueGrowth");
  near(row.epsGrowth, 2.69 / 2.23 - 1, "epsGrowth");
});

Deno.test("loadYahooFundamentals() lets the annual report stand in where quarters are missing", async () => {
  const { fetch } = yahooFakeFetch(MSFT_ROUTES);
  const rows = await loadYahooFundamentals(["MSFT"], request, { fetch });
  // FY2021, an annual report only: close 284.00 on 2021-09-28, EPS 8.05, FY2020 before it.
  const fy2021 = byEnd(rows, "2021-06-30");
  near(fy2021.pe, 284 / 8.05, "FY2021 pe");
  near(fy2021.roe, 61_271 / 141_988, "FY2021 roe");
  near(fy2021.revenueGrowth, 168_088 / 143_015 - 1, "FY2021 revenueGrowth");
  near(fy2021.epsGrowth, 8.05 / 5.76 - 1, "FY2021 epsGrowth");
  // The quarter ending FY2022 has no quarters before it: FY2022's figures stand in.
  const fy2022 = byEnd(rows, "2022-06-30");
  near(fy2022.pe, 241.07 / 9.65, "FY2022 pe");
  near(fy2022.profitMargin, 72_738 / 198_270, "FY2022 profitMargin");
  near(fy2022.revenueGrowth, 198_270 / 168_088 - 1, "FY2022 revenueGrowth");
  // FY2020 has no year before it.
  assert.ok(Number.isNaN(byEnd(rows, "2020-06-30").revenueGrowth));
});

Deno.test("loadYahooFundamentals() leaves NaN what a thin quarter cannot give, and the score uses the rest", async () => {
  const { fetch } = yahooFakeFetch(MSFT_ROUTES);
  const row = byEnd(await loadYahooFundamentals(["MSFT"], request, { fetch }), "2022-09-30");
  // No four quarters (the history starts 2022-06-30) and not a year end: no TTM figures;
  // the recorded balance sheet has a null total debt for this quarter.
  for (const field of ["pe", "roe", "debtToEquity", "profitMargin", "revenueGrowth"] as const) {
    assert.ok(Number.isNaN(row[field]), `${field} is ${row[field]}`);
  }
  near(row.pb, 241.55 / (173_566 / 7_457), "pb");
  // Valuation alone (fundamental_score.ts): PB through 1 / (1 + PB / 3).
  near(fundamentalScore(row) ?? NaN, 1 / (1 + row.pb / 3), "score");
});

Deno.test("loadYahooFundamentals() asks query1's time series for each statement and query2 for charts", async () => {
  const { fetch, urls } = yahooFakeFetch(MSFT_ROUTES);
  await loadYahooFundamentals(["MSFT"], request, { fetch });
  const series = urls.filter((u) => u.pathname.includes("fundamentals-timeseries"));
  assert.deepEqual(series.map(yahooRequestKind).sort(), [
    "annual balance-sheet",
    "annual financials",
    "quarterly balance-sheet",
    "quarterly financials",
  ]);
  for (const url of series) {
    assert.equal(url.host, "query1.finance.yahoo.com");
    assert.equal(url.searchParams.get("period1"), String(Date.UTC(2019, 0, 1) / 1000));
    assert.equal(url.searchParams.get("period2"), String(Date.UTC(2024, 0, 1) / 1000));
  }
  const charts = urls.filter((u) => u.pathname.startsWith("/v8/finance/chart/"));
  assert.equal(charts.length, 2);
  assert.ok(charts.every((u) => u.host === "query2.finance.yahoo.com"));
  // The first chart tells a company from a fund over the last ten days asked for; the
  // second gives the closes from the first period end.
  assert.equal(charts[0]?.searchParams.get("period1"), String(Date.UTC(2023, 11, 21) / 1000));
  assert.equal(charts[1]?.searchParams.get("period1"), String(Date.UTC(2020, 5, 30) / 1000));
});

Deno.test("loadYahooFundamentals() gives no rows for an ETF, after one chart request", async () => {
  const { fetch, urls } = yahooFakeFetch({
    "SPY chart": { status: 200, file: "yahoo_chart_spy_etf_1d.json" },
  });
  assert.deepEqual(await loadYahooFundamentals(["SPY"], request, { fetch }), []);
  assert.equal(urls.length, 1);
});

Deno.test("loadYahooFundamentals() gives no rows for a company Yahoo has no statements for", async () => {
  const empty = { status: 200, file: "yahoo_timeseries_empty.json" };
  const { fetch } = yahooFakeFetch({
    "KO chart": { status: 200, file: "yahoo_chart_ko_1d.json" },
    "KO quarterly financials": empty,
    "KO quarterly balance-sheet": empty,
    "KO annual financials": empty,
    "KO annual balance-sheet": empty,
  });
  assert.deepEqual(await loadYahooFundamentals(["KO"], request, { fetch }), []);
});

Deno.test("loadYahooFundamentals() keeps each ticker's rows together, in the order asked", async () => {
  const { fetch } = yahooFakeFetch({
    ...MSFT_ROUTES,
    "SPY chart": { status: 200, file: "yahoo_chart_spy_etf_1d.json" },
  });
  const rows = await loadYahooFundamentals(["SPY", "MSFT"], request, { fetch });
  assert.equal(rows.length, 7);
  assert.deepEqual([...new Set(rows.map((r) => r.ticker))], ["MSFT"]);
});

Deno.test("loadYahooFundamentals() names an unknown ticker in an InputError", async () => {
  const { fetch } = yahooFakeFetch({
    "NOPE chart": { status: 404, file: "yahoo_chart_not_found.json" },
  });
  await assert.rejects(
    () => loadYahooFundamentals(["NOPE"], request, { fetch }),
    (error: unknown) =>
      error instanceof InputError && error.message.startsWith("unknown ticker NOPE on Yahoo"),
  );
});

Deno.test("loadYahooFundamentals() turns no connection into a ServiceError naming the ticker", async () => {
  const { fetch } = yahooFakeFetch({ "MSFT chart": "fail" });
  await assert.rejects(
    () => loadYahooFundamentals(["MSFT"], request, { fetch }),
    (error: unknown) =>
      error instanceof ServiceError &&
      error.message.startsWith("cannot reach Yahoo Finance for MSFT") &&
      error.cause instanceof TypeError,
  );
});

Deno.test("loadYahooFundamentals() turns an HTTP 503 of the time series into a ServiceError", async () => {
  const { fetch } = yahooFakeFetch({ ...MSFT_ROUTES, "MSFT annual financials": { status: 503 } });
  await assert.rejects(
    () => loadYahooFundamentals(["MSFT"], request, { fetch }),
    (error: unknown) =>
      error instanceof ServiceError &&
      error.message === "Yahoo Finance answered HTTP 503 for the annual financials of MSFT",
  );
});

Deno.test("loadYahooFundamentals() turns an answer of the wrong shape into a ServiceError", async () => {
  const { fetch } = yahooFakeFetch({
    ...MSFT_ROUTES,
    "MSFT quarterly financials": { status: 200, file: "yahoo_chart_ko_1d.json" },
  });
  await assert.rejects(
    () => loadYahooFundamentals(["MSFT"], request, { fetch }),
    (error: unknown) =>
      error instanceof ServiceError &&
      error.message.startsWith("Yahoo Finance gave an unusable quarterly financials for MSFT"),
  );
});

Deno.test("loadYahooFundamentals() rejects an end before the start without a request", async () => {
  const { fetch, urls } = yahooFakeFetch(MSFT_ROUTES);
  await assert.rejects(
    () => loadYahooFundamentals(["MSFT"], { start: "2023-01-02", end: "2023-01-01" }, { fetch }),
    (error: unknown) =>
      error instanceof InputError && error.message === "end 2023-01-01 is before start 2023-01-02",
  );
  assert.equal(urls.length, 0);
});

Deno.test("statementPeriods() merges statements by period end, NaN where a figure is absent", () => {
  const fin = [
    {
      date: new Date("2023-03-31"),
      totalRevenue: 10,
      netIncomeCommonStockholders: 2,
      dilutedEPS: 1,
    },
  ];
  const bs = [
    { date: new Date("2023-03-31"), stockholdersEquity: 20, ordinarySharesNumber: 4 },
    { date: new Date("2023-06-30"), stockholdersEquity: 21, totalDebt: 5 },
  ];
  assert.deepEqual(statementPeriods(fin, bs), [
    {
      periodEnd: "2023-03-31",
      revenue: 10,
      netIncome: 2, // netIncome absent: net income to common stockholders
      dilutedEps: 1,
      equity: 20,
      totalDebt: NaN,
      shares: 4,
    },
    {
      periodEnd: "2023-06-30",
      revenue: NaN,
      netIncome: NaN,
      dilutedEps: NaN,
      equity: 21,
      totalDebt: 5,
      shares: NaN,
    },
  ]);
});
