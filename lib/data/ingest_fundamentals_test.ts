import assert from "node:assert/strict";
import { join } from "node:path";
import { ingest } from "./ingest.ts";
import { formatIngestReport } from "./ingest_report.ts";
import { PriceStore } from "./price_store.ts";
import { InputError } from "../errors.ts";
import { MSFT_ROUTES, yahooFakeFetch } from "./testdata/yahoo_fake_fetch.ts";

const PRICES = "Date,Open,High,Low,Close,Adj Close,Volume\n2021-05-03,10,11,9,10.5,10.5,100\n";
const FUNDAMENTALS_HEADER =
  "Ticker,PeriodEnd,FilingDate,PE,PB,ROE,DebtToEquity,ProfitMargin,RevenueGrowth,EpsGrowth\n";
const AAA_Q1 = "AAA,2021-03-31,2021-05-12,15.00,5.00,0.3333,0.31,0.2445,0.2626,0.5390\n";
const AAA_Q2 = "AAA,2021-06-30,2021-08-04,20.07,6.64,0.3307,0.30,0.2452,0.2491,0.2817\n";
const BBB_Q1 = "BBB,2021-03-31,2021-05-10,12.50,1.50,0.1000,0.80,0.1000,0.0500,0.0100\n";

async function withFixtures(
  fundamentals: string,
  fn: (dir: string, storePath: string) => Promise<void>,
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "ingest_fundamentals_test_" });
  try {
    await Deno.mkdir(join(dir, "fx", "market"), { recursive: true });
    await Deno.writeTextFile(join(dir, "fx", "market", "AAA.csv"), PRICES);
    await Deno.writeTextFile(join(dir, "fx", "market", "BBB.csv"), PRICES);
    await Deno.writeTextFile(
      join(dir, "fx", "fundamentals.csv"),
      FUNDAMENTALS_HEADER + fundamentals,
    );
    await fn(join(dir, "fx"), join(dir, "prices.db"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

function storedFundamentals(storePath: string) {
  const store = PriceStore.open(storePath, { readOnly: true });
  try {
    return store.fundamentals();
  } finally {
    store.close();
  }
}

Deno.test("ingest() --fundamentals stores the fixtures' fundamentals.csv of the tickers asked, once", () =>
  withFixtures(AAA_Q1 + AAA_Q2 + BBB_Q1, async (path, storePath) => {
    const request = {
      source: "fixtures",
      path,
      tickers: ["AAA"],
      storePath,
      fundamentals: true,
    } as const;
    const report = await ingest(request);
    assert.deepEqual(report.fundamentals, {
      added: 2,
      unchanged: 0,
      replaced: 0,
      rows: 2,
      without: [],
    });
    assert.deepEqual(storedFundamentals(storePath).map((r) => [r.ticker, r.periodEnd, r.pe]), [
      ["AAA", "2021-03-31", 15],
      ["AAA", "2021-06-30", 20.07],
    ]);
    const again = await ingest(request);
    assert.equal(
      formatIngestReport(again).split("\n").at(-1),
      "fundamentals: 2 reports, 0 added, 2 unchanged, 0 replaced",
    );
  }));

Deno.test("ingest() --fundamentals keeps the period ends from --start through --end", () =>
  withFixtures(AAA_Q1 + AAA_Q2 + BBB_Q1, async (path, storePath) => {
    await ingest({ source: "fixtures", path, storePath, fundamentals: true, start: "2021-04-01" });
    assert.deepEqual(storedFundamentals(storePath).map((r) => [r.ticker, r.periodEnd]), [
      ["AAA", "2021-06-30"],
    ]);
  }));

Deno.test("ingest() without --fundamentals leaves them alone", () =>
  withFixtures(AAA_Q1, async (path, storePath) => {
    const report = await ingest({ source: "fixtures", path, storePath });
    assert.equal(report.fundamentals, undefined);
    assert.deepEqual(storedFundamentals(storePath), []);
  }));

Deno.test("ingest() --fundamentals with a bad fundamentals row writes neither prices nor fundamentals", () =>
  withFixtures(AAA_Q1 + "AAA,2021-06-30,2021-08-04,x,6.64,0.33,0.30,0.24,0.24,0.28\n", async (
    path,
    storePath,
  ) => {
    await assert.rejects(
      () => ingest({ source: "fixtures", path, storePath, fundamentals: true }),
      (error: unknown) =>
        error instanceof InputError &&
        error.message.endsWith(`fundamentals.csv row 3: PE "x" is not a number`),
    );
    await assert.rejects(() => Deno.stat(storePath), Deno.errors.NotFound);
  }));

Deno.test("ingest() --fundamentals refuses a CSV source before touching the store", async () => {
  const dir = await Deno.makeTempDir({ prefix: "ingest_fundamentals_test_" });
  try {
    const csv = join(dir, "AAA.csv");
    await Deno.writeTextFile(csv, PRICES);
    const storePath = join(dir, "prices.db");
    await assert.rejects(
      () => ingest({ source: "csv", path: csv, storePath, fundamentals: true }),
      (error: unknown) =>
        error instanceof InputError &&
        error.message === "--fundamentals needs --source yahoo or fixtures: CSV files carry none",
    );
    await assert.rejects(() => Deno.stat(storePath), Deno.errors.NotFound);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("ingest() --fundamentals from Yahoo stores a company's reports and names the fund without any", async () => {
  const dir = await Deno.makeTempDir({ prefix: "ingest_fundamentals_test_" });
  try {
    const storePath = join(dir, "prices.db");
    const { fetch } = yahooFakeFetch({
      ...MSFT_ROUTES,
      "SPY chart": { status: 200, file: "yahoo_chart_spy_etf_1d.json" },
    });
    const report = await ingest({
      source: "yahoo",
      tickers: ["MSFT", "SPY"],
      start: "2020-06-01",
      end: "2024-06-30",
      storePath,
      fundamentals: true,
    }, { fetch });
    assert.deepEqual(report.series.map((s) => [s.ticker, s.rows]), [["MSFT", 15], ["SPY", 2]]);
    assert.deepEqual(report.fundamentals, {
      added: 7,
      unchanged: 0,
      replaced: 0,
      rows: 7,
      without: ["SPY"],
    });
    assert.equal(formatIngestReport(report).split("\n").at(-1), "no fundamentals for SPY");
    const stored = storedFundamentals(storePath);
    assert.deepEqual(stored.map((r) => r.filingDate), [
      "2020-09-28",
      "2021-09-28",
      "2022-09-28",
      "2022-11-14",
      "2023-02-14",
      "2023-05-15",
      "2023-09-28",
    ]);
    // Unknown figures come back from the store as NaN (the 2022-09-30 quarter has no TTM).
    assert.ok(Number.isNaN(stored[3]?.pe ?? 0));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
