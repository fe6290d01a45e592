import assert from "node:assert/strict";
import { join } from "node:path";
import { ingest } from "./ingest.ts";
import { formatIngestReport } from "./ingest_report.ts";
import { PriceStore } from "./price_store.ts";
import { InputError } from "../errors.ts";

const HEADER = "Date,Open,High,Low,Close,Adj Close,Volume\n";
const ROW = (date: string) => `${date},10,11,9,10.5,10.5,100\n`;
const testdata = new URL("./testdata/", import.meta.url);

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "ingest_test_" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("ingest() loads a fixtures-shaped folder, cuts to the days asked, creates the store folder", () =>
  withDir(async (dir) => {
    await Deno.mkdir(join(dir, "fx", "market"), { recursive: true });
    await Deno.writeTextFile(
      join(dir, "fx", "market", "AAA.csv"),
      HEADER + ROW("2020-01-02") + ROW("2020-01-03") + ROW("2020-01-06"),
    );
    await Deno.writeTextFile(
      join(dir, "fx", "actions.csv"),
      "Ticker,Date,Dividend,Split\nAAA,2020-01-02,0.1,1\nAAA,2020-01-06,0.1,1\n",
    );
    const storePath = join(dir, "nested", "prices.db");
    const report = await ingest({
      source: "fixtures",
      path: join(dir, "fx"),
      start: "2020-01-03",
      storePath,
    });
    assert.deepEqual(report.series, [{
      ticker: "AAA",
      interval: "1d",
      rows: 2,
      added: 2,
      unchanged: 0,
      replaced: 0,
      first: "2020-01-03",
      last: "2020-01-06",
    }]);
    assert.deepEqual(report.actions, { added: 1, unchanged: 0, replaced: 0 });
    assert.equal(
      formatIngestReport(report),
      [
        `ingested 1 series from fixtures into ${storePath}`,
        "ticker  interval  rows  added  unchanged  replaced  first       last",
        "AAA     1d        2     2      0          0         2020-01-03  2020-01-06",
        "actions: 1 added, 0 unchanged, 0 replaced",
      ].join("\n"),
    );
  }));

Deno.test("ingest() fetches Yahoo from the last stored day when --start is left out", () =>
  withDir(async (dir) => {
    const storePath = join(dir, "prices.db");
    const fetch = async (input: string | URL | Request) => {
      const url = new URL(input instanceof Request ? input.url : input);
      assert.equal(url.searchParams.get("period1"), String(Date.UTC(2020, 7, 31) / 1000));
      return new Response(await Deno.readTextFile(new URL("yahoo_chart_aapl_1d.json", testdata)));
    };
    await assert.rejects(
      ingest({ source: "yahoo", tickers: ["AAPL"], storePath }, { fetch }),
      /--start is needed: AAPL has no 1d prices in .*prices\.db yet/,
    );
    const first = await ingest({
      source: "yahoo",
      tickers: ["AAPL"],
      start: "2020-08-27",
      end: "2020-08-31",
      storePath,
    }, {
      fetch: async () =>
        new Response(await Deno.readTextFile(new URL("yahoo_chart_aapl_1d.json", testdata))),
    });
    assert.equal(first.series[0]?.added, 3);
    const next = await ingest({ source: "yahoo", tickers: ["AAPL"], storePath }, { fetch });
    assert.deepEqual(
      next.series.map((s) => [s.added, s.unchanged, s.rows, s.last]),
      [[2, 1, 5, "2020-09-02"]],
    );
    assert.deepEqual(next.actions, { added: 0, unchanged: 1, replaced: 0 });
  }));

Deno.test("ingest() leaves the store untouched when the input is bad", () =>
  withDir(async (dir) => {
    const storePath = join(dir, "prices.db");
    await Deno.writeTextFile(join(dir, "AAA.csv"), HEADER + ROW("2020-01-02"));
    await ingest({ source: "csv", path: join(dir, "AAA.csv"), storePath });
    const before = await Deno.readFile(storePath);
    await Deno.writeTextFile(
      join(dir, "AAA.csv"),
      HEADER + ROW("2020-01-03") + "2020-01-06,x,1,1,1,1,1\n",
    );
    await assert.rejects(
      ingest({ source: "csv", path: join(dir, "AAA.csv"), storePath }),
      InputError,
    );
    await assert.rejects(ingest({ source: "csv", storePath }), /--source csv needs --path/);
    await assert.rejects(
      ingest({ source: "csv", path: dir, storePath, start: "2020-02-01", end: "2020-01-01" }),
      /--end 2020-01-01 is before --start 2020-02-01/,
    );
    assert.deepEqual(await Deno.readFile(storePath), before);
    const store = PriceStore.open(storePath, { readOnly: true });
    assert.deepEqual(store.coverage().map((c) => c.rows), [1]);
    store.close();
  }));
