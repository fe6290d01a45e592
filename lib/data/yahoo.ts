/**
 * Prices, dividends and splits from Yahoo Finance through `yahoo-finance2`'s
 * `chart()` (the v8 chart API at query2.finance.yahoo.com; it needs no cookie or
 * crumb). The adapter takes a `fetch`, so tests serve recorded-shape responses
 * offline (`lib/data/testdata/yahoo_*.json`).
 *
 * Errors: a ticker Yahoo does not know (HTTP 404) is an `InputError`
 * naming it, as is a request Yahoo refuses (another 4xx, such as hourly bars
 * older than 730 days). No connection, HTTP 429/5xx, or an answer of the wrong
 * shape is a `ServiceError` with the cause (yahoo_call.ts).
 *
 * @module
 */
import {
  callYahoo,
  requestDay,
  requestRange,
  type YahooClient,
  yahooClient,
} from "./yahoo_call.ts";
import type { BarSeries } from "./bars.ts";
import type { CorporateAction } from "./actions.ts";
import type { PriceBatch } from "./price_batch.ts";
import { checkSeries } from "./validate.ts";
import { convertChart, type YahooChart } from "./yahoo_chart.ts";

/** Intervals the adapter fetches (Yahoo's names are the same). */
export type YahooInterval = "1d" | "1h";

/** Which bars to fetch: inclusive ISO days, `end` open means up to now. */
export type YahooRequest = {
  readonly start: string;
  readonly end?: string;
  readonly interval: YahooInterval;
};

/** Adapter options: the `fetch` to use (default the global one). */
export type YahooOptions = { readonly fetch?: typeof fetch };

/** One ticker's chart, with the error mapping of yahoo_call.ts. */
function _chart(
  client: YahooClient,
  ticker: string,
  request: YahooRequest,
  baseFetch: typeof fetch,
): Promise<YahooChart> {
  const start = requestDay(request.start, "start");
  const period2 = request.end === undefined ? {} : {
    period2: (requestDay(request.end, "end") + 1) * 86_400,
  };
  const names = {
    http: ticker,
    refused: `${ticker} ${request.interval} from ${request.start}`,
    answer: `answer for ${ticker}`,
  };
  return callYahoo(ticker, names, baseFetch, (fetch) =>
    client.chart(ticker, {
      period1: start * 86_400,
      ...period2,
      interval: request.interval,
      events: "div|split",
      includePrePost: false,
      return: "object",
    }, { fetch }));
}

/**
 * Fetches `tickers` (in parallel, at most 4 at a time) and returns one validated
 * batch; any failure fails the whole load.
 */
export async function loadYahoo(
  tickers: readonly string[],
  request: YahooRequest,
  options: YahooOptions = {},
): Promise<PriceBatch> {
  const { fromDay, toDay } = requestRange(request);
  const client = yahooClient();
  const baseFetch = options.fetch ?? globalThis.fetch;
  const charts = await Promise.all(
    tickers.map((t) => _chart(client, t, request, baseFetch)),
  );
  const series: BarSeries[] = [];
  const actions: CorporateAction[] = [];
  const skippedRows: Record<string, number> = {};
  charts.forEach((chart, i) => {
    const ticker = tickers[i] as string;
    const converted = convertChart(chart, ticker, request.interval, fromDay, toDay);
    series.push(checkSeries(converted.series, { source: `yahoo ${ticker} ${request.interval}` }));
    actions.push(...converted.actions);
    if (converted.skippedRows > 0) skippedRows[ticker] = converted.skippedRows;
  });
  return { series, actions, skippedRows };
}
