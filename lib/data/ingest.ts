/**
 * An ingest: load prices from a source (a CSV file or folder, the fixtures, or
 * Yahoo), keep the requested tickers and days, and merge them into the price
 * store in one transaction; on request, the same for fundamentals (the fixtures'
 * `fundamentals.csv`, or Yahoo's statements through yahoo_fundamentals.ts).
 * Bad input fails before the store is touched. This is the work behind
 * `deno task ingest`; the script only parses flags and prints.
 *
 * @module
 */
import { dirname, join } from "node:path";
import type { Interval } from "./bars.ts";
import { readBarsCsv } from "./csv.ts";
import { loadCsvDirectory } from "./csv_directory.ts";
import { parseIsoDay } from "./dates.ts";
import { filterBatch, type PriceBatch } from "./price_batch.ts";
import { type Coverage, PriceStore, type SeriesWrite } from "./price_store.ts";
import type { MergeCounts } from "./series_merge.ts";
import { loadYahoo, type YahooInterval } from "./yahoo.ts";
import { loadYahooFundamentals } from "./yahoo_fundamentals.ts";
import { loadFixtureFundamentals } from "./fixtures.ts";
import type { FundamentalRow } from "./fixture_types.ts";
import { collectFundamentalProblems } from "./price_store_fundamentals.ts";
import { ProblemList } from "./validate.ts";
import { accessProblem, InputError } from "../errors.ts";

/** Where prices come from. */
export const INGEST_SOURCES = ["csv", "yahoo", "fixtures"] as const;
/** One of {@link INGEST_SOURCES}. */
export type IngestSource = typeof INGEST_SOURCES[number];

/** A validated ingest request (the script builds it from flags). */
export type IngestRequest = {
  readonly source: IngestSource;
  /** CSV file or folder (csv); fixtures root (fixtures; default `fixtures`, read from its
   * `market/` folder, or `intraday/` for interval "1h"). */
  readonly path?: string;
  /** Tickers to keep (csv, fixtures) or fetch (yahoo, required there), upper case. */
  readonly tickers?: readonly string[];
  /** First day, `YYYY-MM-DD`; for yahoo default: the earliest last stored day of the tickers. */
  readonly start?: string;
  /** Last day, inclusive. */
  readonly end?: string;
  /** Bar interval; default per CSV file, "1d" for yahoo. */
  readonly interval?: YahooInterval;
  /** The price store file. */
  readonly storePath: string;
  /**
   * Also load fundamentals with period ends from `start` through `end`: the
   * fixtures' `fundamentals.csv`, or Yahoo's statements of `tickers` (all it has
   * when `start` is absent). CSV sources have none.
   */
  readonly fundamentals?: boolean;
};

/** What an ingest did to the fundamentals. */
export type FundamentalsIngest = MergeCounts & {
  /** Rows loaded from the source. */
  readonly rows: number;
  /** Tickers asked for that had no report (funds, or no statements at the source). */
  readonly without: readonly string[];
};

/** What an ingest did, per series (with the stored extent after it) and to the actions. */
export type IngestReport = {
  readonly source: IngestSource;
  readonly storePath: string;
  readonly series: readonly (SeriesWrite & { readonly first: string; readonly last: string })[];
  readonly actions: MergeCounts;
  readonly skippedRows: Readonly<Record<string, number>>;
  /** Present when fundamentals were asked for. */
  readonly fundamentals?: FundamentalsIngest;
};

function _withInterval<T extends object>(options: T, interval: Interval | undefined) {
  return interval === undefined ? options : { ...options, interval };
}

function _withTickers<T extends object>(options: T, tickers: readonly string[] | undefined) {
  return tickers === undefined ? options : { ...options, tickers };
}

async function _isFolder(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isDirectory;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new InputError(`${path}: no such file or folder`);
    }
    throw error;
  }
}

async function _loadCsv(request: IngestRequest): Promise<PriceBatch> {
  const path = request.path;
  if (path === undefined) throw new InputError("--source csv needs --path FILE_OR_FOLDER");
  if (await _isFolder(path)) {
    return loadCsvDirectory(
      path,
      _withTickers(_withInterval({}, request.interval), request.tickers),
    );
  }
  const parsed = await readBarsCsv(path, _withInterval({}, request.interval));
  const skippedRows = parsed.skippedNullRows > 0
    ? { [parsed.series.ticker]: parsed.skippedNullRows }
    : {};
  const batch = { series: [parsed.series], actions: [], skippedRows };
  return request.tickers === undefined
    ? batch
    : filterBatch(batch, { tickers: request.tickers, source: path });
}

/** The yahoo start: as requested, else the earliest last stored day of the tickers. */
function _yahooStart(request: IngestRequest, tickers: readonly string[]): string {
  if (request.start !== undefined) return request.start;
  const interval = request.interval ?? "1d";
  const last = new Map<string, string>();
  try {
    const store = PriceStore.open(request.storePath, { readOnly: true });
    try {
      for (const c of store.coverage()) if (c.interval === interval) last.set(c.ticker, c.last);
    } finally {
      store.close();
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
  }
  const missing = tickers.filter((t) => !last.has(t));
  if (missing.length > 0) {
    throw new InputError(
      `--start is needed: ${
        missing.join(", ")
      } has no ${interval} prices in ${request.storePath} yet`,
    );
  }
  return tickers.map((t) => (last.get(t) as string).slice(0, 10)).sort()[0] as string;
}

function _load(request: IngestRequest, fetchImpl?: typeof fetch): Promise<PriceBatch> {
  switch (request.source) {
    case "csv":
      return _loadCsv(request);
    case "fixtures":
      return loadCsvDirectory(
        join(request.path ?? "fixtures", request.interval === "1h" ? "intraday" : "market"),
        _withTickers(_withInterval({}, request.interval), request.tickers),
      );
    case "yahoo": {
      const tickers = request.tickers;
      if (tickers === undefined) throw new InputError("--source yahoo needs --tickers A,B,...");
      const start = _yahooStart(request, tickers);
      const yahooRequest = { start, interval: request.interval ?? "1d" };
      return loadYahoo(
        tickers,
        request.end === undefined ? yahooRequest : { ...yahooRequest, end: request.end },
        fetchImpl === undefined ? {} : { fetch: fetchImpl },
      );
    }
  }
}

/** Where fundamentals start when no `start` is given: before anything Yahoo serves. */
const FUNDAMENTALS_FROM = "1990-01-01";

/** The fundamentals the request asks for, cut to its tickers and period ends; checked. */
async function _loadFundamentals(
  request: IngestRequest,
  fetchImpl: typeof fetch | undefined,
): Promise<FundamentalRow[]> {
  let rows: FundamentalRow[];
  switch (request.source) {
    case "csv":
      throw new InputError("--fundamentals needs --source yahoo or fixtures: CSV files carry none");
    case "fixtures":
      rows = await loadFixtureFundamentals(join(request.path ?? "fixtures", "fundamentals.csv"));
      break;
    case "yahoo": {
      const tickers = request.tickers;
      if (tickers === undefined) throw new InputError("--source yahoo needs --tickers A,B,...");
      const range = { start: request.start ?? FUNDAMENTALS_FROM };
      rows = await loadYahooFundamentals(
        tickers,
        request.end === undefined ? range : { ...range, end: request.end },
        fetchImpl === undefined ? {} : { fetch: fetchImpl },
      );
    }
  }
  const wanted = request.tickers === undefined ? undefined : new Set(request.tickers);
  const kept = rows.filter((r) =>
    (wanted === undefined || wanted.has(r.ticker)) &&
    (request.start === undefined || r.periodEnd >= request.start) &&
    (request.end === undefined || r.periodEnd <= request.end)
  );
  const problems = new ProblemList();
  collectFundamentalProblems(kept, request.source, problems);
  problems.throwIfAny();
  return kept;
}

function _day(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const day = parseIsoDay(text);
  if (Number.isNaN(day)) throw new InputError(`--${flag} ${text} is not a YYYY-MM-DD date`);
  return day;
}

/** Opens (creating its folder) the store; a path the permissions forbid is an {@link InputError}. */
async function _openForWriting(path: string): Promise<PriceStore> {
  try {
    await Deno.mkdir(dirname(path), { recursive: true });
    return PriceStore.open(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw accessProblem(error, "price store", path, "write") ?? error;
  }
}

/** Runs an ingest (see the module doc). `fetch` replaces the network for Yahoo (tests). */
export async function ingest(
  request: IngestRequest,
  options: { readonly fetch?: typeof fetch } = {},
): Promise<IngestReport> {
  const fromDay = _day(request.start, "start"), toDay = _day(request.end, "end");
  if (fromDay !== undefined && toDay !== undefined && toDay < fromDay) {
    throw new InputError(`--end ${request.end} is before --start ${request.start}`);
  }
  const loaded = await _load(request, options.fetch);
  const range = { source: request.source, ...(fromDay === undefined ? {} : { fromDay }) };
  const batch = filterBatch(loaded, toDay === undefined ? range : { ...range, toDay });
  const fundamentals = request.fundamentals === true
    ? await _loadFundamentals(request, options.fetch)
    : undefined;
  const store = await _openForWriting(request.storePath);
  try {
    const summary = store.write(batch.series, batch.actions);
    const fundamentalsIngest = fundamentals === undefined ? undefined : {
      ...store.writeFundamentals(fundamentals),
      rows: fundamentals.length,
      without: (request.tickers ?? []).filter((t) => !fundamentals.some((r) => r.ticker === t)),
    };
    const extent = new Map<string, Coverage>(
      store.coverage().map((c) => [`${c.ticker} ${c.interval}`, c]),
    );
    const series = summary.series.map((s) => {
      const c = extent.get(`${s.ticker} ${s.interval}`);
      return { ...s, first: c?.first ?? "", last: c?.last ?? "" };
    });
    return {
      source: request.source,
      storePath: request.storePath,
      series,
      actions: summary.actions,
      skippedRows: batch.skippedRows,
      ...(fundamentalsIngest === undefined ? {} : { fundamentals: fundamentalsIngest }),
    };
  } finally {
    store.close();
  }
}
