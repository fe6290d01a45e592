import assert from "node:assert/strict";
import { join } from "node:path";
import { loadCsvDirectory } from "./csv_directory.ts";
import { parseIsoDay } from "./dates.ts";
import { InputError } from "../errors.ts";

const HEADER = "Date,Open,High,Low,Close,Adj Close,Volume\n";
const ROW = (date: string) => `${date},10,11,9,10.5,10.5,100\n`;

async function tempTree(files: Record<string, string>): Promise<string> {
  const root = await Deno.makeTempDir({ prefix: "csv_directory_test_" });
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    await Deno.mkdir(join(full, ".."), { recursive: true });
    await Deno.writeTextFile(full, text);
  }
  return root;
}

Deno.test("loadCsvDirectory() loads every TICKER.csv with actions from a sibling actions folder", async () => {
  const root = await tempTree({
    "market/spy.csv": HEADER + ROW("2020-01-02") + ROW("2020-01-03"),
    "market/QQQ.csv": HEADER + ROW("2020-01-02"),
    "market/notes.txt": "not a price file",
    "actions/SPY.csv": "Date,Dividend,Split\n2020-01-03,1.5,1.0\n",
    "actions/IWM.csv": "Date,Dividend,Split\n2020-01-03,1.0,1.0\n",
  });
  try {
    const batch = await loadCsvDirectory(join(root, "market"));
    assert.deepEqual(batch.series.map((s) => [s.ticker, s.time.length]), [["QQQ", 1], ["SPY", 2]]);
    assert.deepEqual(batch.actions, [
      { ticker: "SPY", day: parseIsoDay("2020-01-03"), dividend: 1.5, split: 1 },
    ]);
    assert.deepEqual(batch.skippedRows, {});
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("loadCsvDirectory() reads a sibling actions.csv, intervals from names, and filters tickers", async () => {
  const root = await tempTree({
    "market/SPY.csv": HEADER + ROW("2020-01-02"),
    "market/QQQ.csv": HEADER + ROW("2020-01-02"),
    "market/SPY_1h.csv": "Datetime" + HEADER.slice(4) +
      "2020-01-02T14:30:00Z,10,11,9,10.5,10.5,1\n",
    "actions.csv": "Ticker,Date,Dividend,Split\nSPY,2020-01-02,0.5,1\nQQQ,2020-01-02,0.1,1\n",
  });
  try {
    const batch = await loadCsvDirectory(join(root, "market"), { tickers: ["SPY"] });
    assert.deepEqual(batch.series.map((s) => `${s.ticker} ${s.interval}`), ["SPY 1d", "SPY 1h"]);
    assert.deepEqual(batch.actions.map((a) => a.ticker), ["SPY"]);
    await assert.rejects(
      loadCsvDirectory(join(root, "market"), { tickers: ["SPY", "IWM"] }),
      new RegExp(`${join(root, "market")}: no CSV file for ticker IWM`),
    );
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("loadCsvDirectory() fails the whole load on one bad file, naming file and line", async () => {
  const root = await tempTree({
    "market/AAA.csv": HEADER + ROW("2020-01-02"),
    "market/BBB.csv": HEADER + ROW("2020-01-02") + "2020-01-03,10,11,9\n",
  });
  try {
    await assert.rejects(loadCsvDirectory(join(root, "market")), (error) => {
      assert.ok(error instanceof InputError);
      assert.equal(
        error.message,
        `${join(root, "market", "BBB.csv")} line 3: expected 7 fields as in the header, found 4`,
      );
      return true;
    });
    await assert.rejects(loadCsvDirectory(join(root, "nothing")), /nothing: no such folder/);
    await assert.rejects(loadCsvDirectory(root), /no \.csv files in the folder/);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

const shared = new URL("../../../shared/data/", import.meta.url);
const sharedExists = await Deno.stat(shared).then(() => true, () => false);
if (!sharedExists) console.log(`skipping shared market data tests: ${shared.pathname} is absent`);

Deno.test({
  name:
    "loadCsvDirectory() parses all 49 files of ../shared/data/market with zero validation errors",
  ignore: !sharedExists,
  async fn() {
    const batch = await loadCsvDirectory(new URL("market", shared).pathname);
    // Counts from ../shared/data/README.md: 49 files, 240,557 rows, 4,089 action rows.
    assert.equal(batch.series.length, 49);
    assert.equal(batch.series.reduce((n, s) => n + s.time.length, 0), 240_557);
    assert.equal(batch.actions.length, 4089);
    const usoSplit = batch.actions.find((a) => a.ticker === "USO" && a.split !== 1);
    assert.deepEqual(usoSplit, {
      ticker: "USO",
      day: parseIsoDay("2020-04-29"),
      dividend: 0,
      split: 0.125,
    });
  },
});

const fixtures = new URL("../../fixtures/", import.meta.url);
const fixturesExist = await Deno.stat(new URL("market", fixtures)).then(() => true, () => false);
if (!fixturesExist) {
  console.log(`skipping fixture folder test: ${fixtures.pathname}market is absent`);
}

Deno.test({
  name:
    "loadCsvDirectory() reads the project's fixtures (market/ + actions.csv, intraday/) cleanly",
  ignore: !fixturesExist,
  async fn() {
    const daily = await loadCsvDirectory(new URL("market", fixtures).pathname);
    assert.ok(daily.series.length > 0);
    assert.ok(daily.series.every((s) => s.interval === "1d" && s.time.length > 0));
    assert.ok(daily.actions.length > 0, "actions.csv beside market/ is read");
    const intraday = await loadCsvDirectory(new URL("intraday", fixtures).pathname);
    assert.ok(intraday.series.every((s) => s.interval === "1h" && !s.ticker.includes("_")));
  },
});
