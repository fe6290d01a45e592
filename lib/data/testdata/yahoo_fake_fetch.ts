/**
 * A fetch for offline tests of the Yahoo adapters: it answers chart and
 * fundamentals-timeseries requests from the recorded-shape files beside it and
 * logs the URLs asked. Routes are keyed `SYMBOL kind`, kind being `chart` or, for
 * the time series, `quarterly financials`, `annual balance-sheet` and so on (told
 * apart by the request's `type` parameter).
 *
 * @module
 */

/** An answer: an HTTP status with a file's body (or an empty one), or "fail" (no connection). */
export type FakeRoute = { readonly status: number; readonly file?: string } | "fail";

const testdata = new URL("./", import.meta.url);

/** The route key of a Yahoo request: `chart`, or the period and statement of a time series. */
export function yahooRequestKind(url: URL): string {
  if (url.pathname.startsWith("/v8/finance/chart/")) return "chart";
  const type = url.searchParams.get("type") ?? "";
  const period = type.startsWith("quarterly") ? "quarterly" : "annual";
  return `${period} ${type.includes("StockholdersEquity") ? "balance-sheet" : "financials"}`;
}

/** A fetch serving `routes`; an unexpected request throws a TypeError naming it. */
export function yahooFakeFetch(routes: Readonly<Record<string, FakeRoute>>): {
  readonly fetch: (input: string | URL | Request) => Promise<Response>;
  readonly urls: URL[];
} {
  const urls: URL[] = [];
  const fetch = async (input: string | URL | Request): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    urls.push(url);
    const symbol = decodeURIComponent(url.pathname.split("/").pop() ?? "");
    const route = routes[`${symbol} ${yahooRequestKind(url)}`];
    if (route === undefined) throw new TypeError(`unexpected request ${url}`);
    if (route === "fail") throw new TypeError("error sending request: connection refused");
    const body = route.file === undefined
      ? ""
      : await Deno.readTextFile(new URL(route.file, testdata));
    return new Response(body, {
      status: route.status,
      headers: { "content-type": "application/json" },
    });
  };
  return { fetch, urls };
}

/** MSFT's recorded-shape chart and four statements (see README.md). */
export const MSFT_ROUTES: Readonly<Record<string, FakeRoute>> = {
  "MSFT chart": { status: 200, file: "yahoo_chart_msft_1d_filings.json" },
  "MSFT quarterly financials": {
    status: 200,
    file: "yahoo_timeseries_msft_quarterly_financials.json",
  },
  "MSFT quarterly balance-sheet": {
    status: 200,
    file: "yahoo_timeseries_msft_quarterly_balance_sheet.json",
  },
  "MSFT annual financials": { status: 200, file: "yahoo_timeseries_msft_annual_financials.json" },
  "MSFT annual balance-sheet": {
    status: 200,
    file: "yahoo_timeseries_msft_annual_balance_sheet.json",
  },
};
