/**
 * Prices, dividends and splits from Yahoo Finance through `yahoo-finance2`'s
 * `chart()` (the v8 chart API at query2.finance.yahoo.com; it needs no cookie or
 * crumb). The adapter takes a `fetch`, so tests serve recorded-shape responses
 * offline (`lib/data/testdata/yahoo_*.json`).
 *
 * Errors: a ticker Yahoo does not know (HTTP 404) is an {@link InputError}
 * naming it, as is a request Yahoo refuses (another 4xx, such as hourly bars
 * older than 730 days). No connection, HTTP 429/5xx, or an answer of the wrong
 * shape is a {@link ServiceError} with the cause.
 *
 * @module
 */
import YahooFinance from "yahoo-finance2";
import type { BarSeries } from "./bars.ts";
import type { CorporateAction } from "./actions.ts";
import { parseIsoDay } from "./dates.ts";
import type { PriceBatch } from "./price_batch.ts";
import { checkSeries } from "./validate.ts";
import { convertChart, type YahooChart } from "./yahoo_chart.ts";
import { InputError, ServiceError } from "../errors.ts";

type Client = InstanceType<typeof YahooFinance>;

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

function _day(text: string, name: string): number {
  const day = parseIsoDay(text);
  if (Number.isNaN(day)) throw new InputError(`${name} ${text} is not a YYYY-MM-DD date`);
  return day;
}

function _message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function _client(): Client {
  return new YahooFinance({
    versionCheck: false,
    validation: { logErrors: false },
    suppressNotices: ["yahooSurvey"],
  });
}

/** One ticker's chart, with the error mapping described in the module doc. */
async function _chart(
  client: Client,
  ticker: string,
  request: YahooRequest,
  baseFetch: typeof fetch,
): Promise<YahooChart> {
  let status = 0;
  const tracked: typeof fetch = async (input, init) => {
    let response: Response;
    try {
      response = await baseFetch(input, init);
    } catch (error) {
      throw new ServiceError(`cannot reach Yahoo Finance for ${ticker}: ${_message(error)}`, {
        cause: error,
      });
    }
    status = response.status;
    if (status === 429 || status >= 500) {
      await response.body?.cancel();
      throw new ServiceError(`Yahoo Finance answered HTTP ${status} for ${ticker}`);
    }
    return response;
  };
  const start = _day(request.start, "start");
  const period2 = request.end === undefined ? {} : {
    period2: (_day(request.end, "end") + 1) * 86_400,
  };
  try {
    return await client.chart(ticker, {
      period1: start * 86_400,
      ...period2,
      interval: request.interval,
      events: "div|split",
      includePrePost: false,
      return: "object",
    }, { fetch: tracked });
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    if (status === 404) {
      throw new InputError(`unknown ticker ${ticker} on Yahoo Finance: ${_message(error)}`, {
        cause: error,
      });
    }
    if (status >= 400 && status < 500) {
      throw new InputError(
        `Yahoo Finance refused ${ticker} ${request.interval} from ${request.start}: ${
          _message(error)
        }`,
        { cause: error },
      );
    }
    throw new ServiceError(
      `Yahoo Finance gave an unusable answer for ${ticker}: ${_message(error)}`,
      {
        cause: error,
      },
    );
  }
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
  const fromDay = _day(request.start, "start");
  const toDay = request.end === undefined ? undefined : _day(request.end, "end");
  if (toDay !== undefined && toDay < fromDay) {
    throw new InputError(`end ${request.end} is before start ${request.start}`);
  }
  const client = _client();
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
