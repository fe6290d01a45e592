import assert from "node:assert/strict";
import { parseIsoDay } from "./dates.ts";
import { loadYahoo } from "./yahoo.ts";
import { InputError, ServiceError } from "../errors.ts";

const testdata = new URL("./testdata/", import.meta.url);

/** A fetch that answers chart requests from recorded-shape files and logs the URLs asked. */
function fakeFetch(routes: Record<string, { status: number; file?: string; body?: string }>) {
  const urls: URL[] = [];
  const fetch = async (input: string | URL | Request): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    urls.push(url);
    const symbol = decodeURIComponent(url.pathname.split("/").pop() ?? "");
    const route = routes[symbol];
    if (route === undefined) throw new TypeError(`unexpected request ${url}`);
    const body = route.file === undefined
      ? route.body ?? ""
      : await Deno.readTextFile(new URL(route.file, testdata));
    return new Response(body, {
      status: route.status,
      headers: { "content-type": "application/json" },
    });
  };
  return { fetch, urls };
}

const daily = { start: "2020-08-27", end: "2020-09-02", interval: "1d" } as const;

Deno.test("loadYahoo() turns a daily chart into midnight-UTC bars and a split", async () => {
  const { fetch, urls } = fakeFetch({ AAPL: { status: 200, file: "yahoo_chart_aapl_1d.json" } });
  const batch = await loadYahoo(["AAPL"], daily, { fetch });
  const [s] = batch.series;
  assert.ok(s !== undefined);
  assert.deepEqual(
    [...s.time].map((t) => new Date(t).toISOString()),
    ["2020-08-27", "2020-08-28", "2020-08-31", "2020-09-01", "2020-09-02"].map((d) =>
      `${d}T00:00:00.000Z`
    ),
  );
  // Values as in the recorded file (Yahoo's split-adjusted prices).
  assert.equal(s.close[2], 129.0399932861328);
  assert.equal(s.volume[4], 200119000);
  assert.equal(s.adjClose[0], 122.341039);
  assert.deepEqual(batch.actions, [{
    ticker: "AAPL",
    day: parseIsoDay("2020-08-31"),
    dividend: 0,
    split: 4,
  }]);
  // period1 = 2020-08-27T00:00Z and period2 = 2020-09-03T00:00Z (end inclusive), in seconds.
  const q = urls[0]?.searchParams;
  assert.equal(urls[0]?.host, "query2.finance.yahoo.com");
  assert.equal(q?.get("period1"), String(Date.UTC(2020, 7, 27) / 1000));
  assert.equal(q?.get("period2"), String(Date.UTC(2020, 8, 3) / 1000));
  assert.equal(q?.get("interval"), "1d");
  assert.equal(q?.get("includePrePost"), "false");
  assert.equal(q?.get("events"), "div|split");
});

Deno.test("loadYahoo() loads several tickers with dividends, cut to the requested days", async () => {
  const { fetch } = fakeFetch({
    AAPL: { status: 200, file: "yahoo_chart_aapl_1d.json" },
    KO: { status: 200, file: "yahoo_chart_ko_1d.json" },
  });
  const batch = await loadYahoo(["KO", "AAPL"], {
    ...daily,
    start: "2020-08-28",
    end: "2020-09-14",
  }, {
    fetch,
  });
  assert.deepEqual(batch.series.map((s) => [s.ticker, s.time.length]), [["KO", 2], ["AAPL", 4]]);
  assert.deepEqual(batch.actions, [
    { ticker: "KO", day: parseIsoDay("2020-09-14"), dividend: 0.41, split: 1 },
    { ticker: "AAPL", day: parseIsoDay("2020-08-31"), dividend: 0, split: 4 },
  ]);
});

Deno.test("loadYahoo() keeps hourly bar times, skips null rows and uses Close as Adj Close", async () => {
  const { fetch } = fakeFetch({ SPY: { status: 200, file: "yahoo_chart_spy_1h.json" } });
  const batch = await loadYahoo(
    ["SPY"],
    { start: "2024-05-02", end: "2024-05-02", interval: "1h" },
    {
      fetch,
    },
  );
  const [s] = batch.series;
  assert.ok(s !== undefined);
  assert.equal(s.interval, "1h");
  assert.deepEqual(
    [...s.time].map((t) => new Date(t).toISOString().slice(11, 16)),
    ["13:30", "14:30", "16:30", "17:30"],
  );
  assert.deepEqual([...s.adjClose], [...s.close]);
  assert.deepEqual(batch.skippedRows, { SPY: 1 });
});

Deno.test("loadYahoo() reports a ticker Yahoo does not know as an InputError naming it", async () => {
  const { fetch } = fakeFetch({
    AAPL: { status: 200, file: "yahoo_chart_aapl_1d.json" },
    NOSUCH: { status: 404, file: "yahoo_chart_not_found.json" },
  });
  await assert.rejects(loadYahoo(["AAPL", "NOSUCH"], daily, { fetch }), (error) => {
    assert.ok(error instanceof InputError);
    assert.equal(
      error.message,
      "unknown ticker NOSUCH on Yahoo Finance: No data found, symbol may be delisted",
    );
    return true;
  });
});

Deno.test("loadYahoo() reports a refused request (hourly bars too old) as an InputError", async () => {
  const { fetch } = fakeFetch({ SPY: { status: 422, file: "yahoo_chart_1h_too_old.json" } });
  const request = { start: "2010-01-01", end: "2010-02-01", interval: "1h" } as const;
  await assert.rejects(
    loadYahoo(["SPY"], request, { fetch }),
    /Yahoo Finance refused SPY 1h from 2010-01-01: 1h data not available .* within the last 730 days/,
  );
});

Deno.test("loadYahoo() reports network failures and server errors as ServiceError with the cause", async () => {
  const offline = () => Promise.reject(new TypeError("error sending request: connection refused"));
  await assert.rejects(loadYahoo(["AAPL"], daily, { fetch: offline }), (error) => {
    assert.ok(error instanceof ServiceError);
    assert.match(error.message, /cannot reach Yahoo Finance for AAPL: error sending request/);
    assert.ok(error.cause instanceof TypeError);
    return true;
  });
  const { fetch } = fakeFetch({ AAPL: { status: 503, body: "Service Unavailable" } });
  await assert.rejects(loadYahoo(["AAPL"], daily, { fetch }), (error) => {
    assert.ok(error instanceof ServiceError);
    assert.equal(error.message, "Yahoo Finance answered HTTP 503 for AAPL");
    return true;
  });
});

Deno.test("loadYahoo() reports an answer of the wrong shape as a ServiceError", async () => {
  const { fetch } = fakeFetch({
    AAPL: { status: 200, body: '{"chart":{"result":[{"meta":{}}]}}' },
  });
  await assert.rejects(loadYahoo(["AAPL"], daily, { fetch }), (error) => {
    assert.ok(error instanceof ServiceError);
    assert.match(error.message, /^Yahoo Finance gave an unusable answer for AAPL/);
    return true;
  });
});

Deno.test("loadYahoo() refuses an end before the start without a request", async () => {
  const { fetch, urls } = fakeFetch({});
  await assert.rejects(
    loadYahoo(["AAPL"], { start: "2020-02-01", end: "2020-01-01", interval: "1d" }, { fetch }),
    /end 2020-01-01 is before start 2020-02-01/,
  );
  assert.equal(urls.length, 0);
});
