/**
 * Fundamentals from Yahoo Finance through `yahoo-finance2`'s
 * `fundamentalsTimeSeries()` (quarterly and annual income statements and balance
 * sheets, from query1.finance.yahoo.com; no cookie or crumb) and `chart()`
 * (the instrument's type, its daily closes and splits), turned into
 * point-in-time {@link FundamentalRow}s by {@link fundamentalRowsFromStatements}
 * (estimated filing dates, ratios, growth: see statement_fundamentals.ts).
 *
 * Per ticker: a chart of the last ten days tells a company (`EQUITY`) from a
 * fund; anything else (ETF, mutual fund, index) has no fundamentals and yields
 * no rows. For a company, four time-series requests (quarterly and annual,
 * financials and balance sheet) give the statements, and a daily chart from the
 * first period end gives the closes for PE and PB in the same split basis as
 * the splits it lists. Yahoo serves about five quarters and four years whatever
 * the start asked for.
 *
 * Errors, as for prices (yahoo.ts): a ticker Yahoo does not know (HTTP 404) is
 * an `InputError` naming it, as is another 4xx; no connection, HTTP 429/5xx
 * or an answer of the wrong shape is a `ServiceError` with the cause (yahoo_call.ts).
 *
 * @module
 */
import { callYahoo, requestRange, type YahooClient, yahooClient } from "./yahoo_call.ts";
import { convertChart, type YahooChart } from "./yahoo_chart.ts";
import { formatIsoDay, parseIsoDay } from "./dates.ts";
import type { FundamentalRow } from "./fixture_types.ts";
import { fundamentalRowsFromStatements, type StatementPeriod } from "./statement_fundamentals.ts";

/**
 * Which statements to fetch: periods ending from `start` through `end` (inclusive
 * ISO days; no `end`: up to now).
 */
export type YahooFundamentalsRequest = { readonly start: string; readonly end?: string };

/** Adapter options: the `fetch` to use (default the global one). */
export type YahooFundamentalsOptions = { readonly fetch?: typeof fetch };

/** The instrument type Yahoo gives companies (funds are `ETF`, `MUTUALFUND`, ...). */
const COMPANY_TYPE = "EQUITY";
const SECONDS_PER_DAY = 86_400;
const CLASSIFY_DAYS = 10;

type _Call = <T>(what: string, run: (fetch: typeof globalThis.fetch) => Promise<T>) => Promise<T>;

/**
 * The fundamentals of `tickers` (fetched in parallel, at most 4 requests at a
 * time), by ticker in the order given, then by period end. A fund yields no rows;
 * any failure fails the whole load (see the module doc).
 */
export async function loadYahooFundamentals(
  tickers: readonly string[],
  request: YahooFundamentalsRequest,
  options: YahooFundamentalsOptions = {},
): Promise<FundamentalRow[]> {
  const { fromDay, toDay } = requestRange(request);
  const client = yahooClient();
  const baseFetch = options.fetch ?? globalThis.fetch;
  const perTicker = await Promise.all(
    tickers.map((ticker) =>
      _tickerRows(client, ticker, fromDay, toDay, _caller(ticker, baseFetch))
    ),
  );
  return perTicker.flat();
}

async function _tickerRows(
  client: YahooClient,
  ticker: string,
  fromDay: number,
  toDay: number | undefined,
  call: _Call,
): Promise<FundamentalRow[]> {
  const lastDay = toDay ?? Math.floor(Date.now() / 86_400_000);
  const recent = await call("chart", (fetch) =>
    client.chart(ticker, {
      period1: (lastDay - CLASSIFY_DAYS) * SECONDS_PER_DAY,
      ...(toDay === undefined ? {} : { period2: (toDay + 1) * SECONDS_PER_DAY }),
      interval: "1d",
      events: "split",
      includePrePost: false,
      return: "object",
    }, { fetch }));
  if (recent.meta.instrumentType !== COMPANY_TYPE) return [];
  const series = (type: "quarterly" | "annual", module: "financials" | "balance-sheet") =>
    call(`${type} ${module}`, (fetch) =>
      client.fundamentalsTimeSeries(ticker, {
        period1: formatIsoDay(fromDay),
        ...(toDay === undefined ? {} : { period2: formatIsoDay(toDay + 1) }),
        type,
        module,
      }, { fetch }));
  const [qf, qb, af, ab] = await Promise.all([
    series("quarterly", "financials"),
    series("quarterly", "balance-sheet"),
    series("annual", "financials"),
    series("annual", "balance-sheet"),
  ]);
  const statements = { quarterly: statementPeriods(qf, qb), annual: statementPeriods(af, ab) };
  const ends = [...statements.quarterly, ...statements.annual].map((p) => p.periodEnd).sort();
  if (ends[0] === undefined) return [];
  const firstDay = parseIsoDay(ends[0]);
  const chart: YahooChart = await call("chart", (fetch) =>
    client.chart(ticker, {
      period1: firstDay * SECONDS_PER_DAY,
      interval: "1d",
      events: "split",
      includePrePost: false,
      return: "object",
    }, { fetch }));
  const prices = convertChart(chart, ticker, "1d");
  return fundamentalRowsFromStatements(ticker, statements, {
    series: prices.series,
    splits: prices.actions,
  });
}

/**
 * Statement periods from `fundamentalsTimeSeries()` results of one period type:
 * financials and balance sheet merged by period end (the entry's `date`, midnight
 * UTC of Yahoo's `asOfDate`), figures Yahoo leaves out as NaN. Net income is
 * `netIncome`, else `netIncomeCommonStockholders`.
 */
export function statementPeriods(
  financials: readonly object[],
  balanceSheet: readonly object[],
): StatementPeriod[] {
  const byEnd = new Map<string, { financials?: object; balanceSheet?: object }>();
  const add = (entry: object, part: "financials" | "balanceSheet") => {
    const date = (entry as Record<string, unknown>)["date"];
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) return;
    const end = date.toISOString().slice(0, 10);
    byEnd.set(end, { ...byEnd.get(end), [part]: entry });
  };
  for (const entry of financials) add(entry, "financials");
  for (const entry of balanceSheet) add(entry, "balanceSheet");
  return [...byEnd].sort((a, b) => a[0] < b[0] ? -1 : 1).map(([periodEnd, parts]) => {
    const fin = parts.financials, bs = parts.balanceSheet;
    const netIncome = _number(fin, "netIncome");
    return {
      periodEnd,
      revenue: _number(fin, "totalRevenue"),
      netIncome: Number.isNaN(netIncome) ? _number(fin, "netIncomeCommonStockholders") : netIncome,
      dilutedEps: _number(fin, "dilutedEPS"),
      equity: _number(bs, "stockholdersEquity"),
      totalDebt: _number(bs, "totalDebt"),
      shares: _number(bs, "ordinarySharesNumber"),
    };
  });
}

function _number(entry: object | undefined, key: string): number {
  if (entry === undefined) return NaN;
  const value = (entry as Record<string, unknown>)[key];
  return typeof value === "number" && Number.isFinite(value) ? value : NaN;
}

/** Runs one request for `ticker` with the error mapping of yahoo_call.ts. */
function _caller(ticker: string, baseFetch: typeof fetch): _Call {
  return (what, run) =>
    callYahoo(
      ticker,
      {
        http: `the ${what} of ${ticker}`,
        refused: `the ${what} of ${ticker}`,
        answer: `${what} for ${ticker}`,
      },
      baseFetch,
      run,
    );
}
