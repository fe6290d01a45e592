/**
 * Loading the market a run trades: from the fixtures, the price store or CSV,
 * as the `data` section of the configuration says, with the data's hash.
 * This is an edge (it reads files); everything after it is pure.
 *
 * @module
 */
import { dataHashOfDigests, seriesDigest } from "./series_digest.ts";
import type { BarSeries } from "./bars.ts";
import { loadFixtures } from "./fixtures.ts";
import type { Fixtures, FundamentalRow } from "./fixture_types.ts";
import { loadCsvDirectory } from "./csv_directory.ts";
import { readBarsCsv } from "./csv.ts";
import { splitsByTicker } from "./actions.ts";
import { filterBatch, type PriceBatch } from "./price_batch.ts";
import { PriceStore } from "./price_store.ts";
import { accessProblem, InputError } from "../errors.ts";

/** What a `--csv` path is to be, as refusals name it. */
export const CSV_WHAT = "CSV file or folder";

/** Where the prices come from, as the config's `data` section gives it. */
export type MarketRequest = {
  readonly source: "fixtures" | "store" | "csv";
  /** A CSV file or a folder of `TICKER.csv` files (source csv). */
  readonly csv?: string | undefined;
  /** The price store's path (source store). */
  readonly store: string;
  /** The fixtures folder (source fixtures). */
  readonly fixturesDir: string | URL;
  /** Only these tickers (default: all of the source). */
  readonly tickers?: readonly string[] | undefined;
};

/** The daily series of a run, their splits, and what identifies the data. */
export type MarketData = {
  readonly series: readonly BarSeries[];
  /** Splits by ticker, for raw-price runs (`Panel.fromSeries`' `splits` option). */
  readonly splits: Readonly<Record<string, readonly { date: string; ratio: number }[]>>;
  /** A one-line description of the source, e.g. `fixtures (42 tickers)`. */
  readonly source: string;
  /** SHA-256 over every series' tickers, times and prices, and the splits. */
  readonly dataHash: string;
  /** The fixture market's extras (universe, regime labels, fundamentals), when the source is fixtures. */
  readonly fixtures?: Fixtures;
  /**
   * Quarterly fundamentals of the tickers, each counting from its filing date: the
   * store's (source store) or the fixtures' (source fixtures); absent when there are none.
   */
  readonly fundamentals?: readonly FundamentalRow[];
};

/** Loads the market a run asks for; an unknown ticker or a bad file is an {@link InputError}. */
export async function loadMarket(request: MarketRequest): Promise<MarketData> {
  const source = request.csv !== undefined ? "csv" : request.source;
  if (source === "fixtures") {
    const fixtures = await loadFixtures(request.fixturesDir);
    const batch = filterBatch(
      {
        series: fixtures.series,
        actions: fixtures.actions,
        skippedRows: {},
      },
      _filter(request, "the fixtures"),
    );
    const market = _market(batch, `fixtures (${batch.series.length} tickers)`, fixtures);
    return _withFundamentals(market, fixtures.fundamentals, request.tickers);
  }
  if (source === "csv") {
    if (request.csv === undefined) {
      throw new InputError("data.csv: a CSV file or folder is needed when data.source is csv");
    }
    const batch = await _loadCsv(request.csv, request.tickers);
    return _market(filterBatch(batch, _filter(request, request.csv)), `csv ${request.csv}`);
  }

  try {
    await Deno.stat(request.store);
  } catch (error) {
    throw accessProblem(error, "price store", request.store, "read") ??
      new InputError(
        `price store ${request.store} does not exist: fill it with \`deno task ingest\` first`,
        { cause: error },
      );
  }
  const store = PriceStore.open(request.store, { readOnly: true });
  try {
    const tickers = request.tickers ?? "all";
    const series = store.read(tickers, "1d");
    if (series.length === 0) {
      throw new InputError(`price store ${request.store} holds no daily prices`);
    }
    const actions = store.actions(tickers);
    const market = _market(
      { series, actions, skippedRows: {} },
      `store ${request.store} (${series.length} tickers)`,
      undefined,
      store.digests("1d"),
    );
    return _withFundamentals(market, store.fundamentals(tickers));
  } finally {
    store.close();
  }
}

function _withFundamentals(
  market: MarketData,
  rows: readonly FundamentalRow[],
  tickers?: readonly string[],
): MarketData {
  const wanted = tickers === undefined ? undefined : new Set(tickers);
  const kept = wanted === undefined ? rows : rows.filter((r) => wanted.has(r.ticker));
  return kept.length === 0 ? market : { ...market, fundamentals: kept };
}

function _filter(request: MarketRequest, source: string) {
  return request.tickers === undefined ? { source } : { source, tickers: request.tickers };
}

async function _loadCsv(path: string, tickers: readonly string[] | undefined): Promise<PriceBatch> {
  let info: Deno.FileInfo;
  try {
    info = await Deno.stat(path);
  } catch (error) {
    throw accessProblem(error, CSV_WHAT, path, "read") ??
      new InputError(`${path}: no such CSV file or folder`, { cause: error });
  }
  if (info.isDirectory) {
    return await loadCsvDirectory(path, tickers === undefined ? {} : { tickers });
  }
  const parsed = await readBarsCsv(path);
  return { series: [parsed.series], actions: [], skippedRows: {} };
}

/**
 * The market of a batch. `digests` are the price store's own (by ticker, of the
 * whole stored series, which is what a store read without a range returns):
 * with them the data hash needs no pass over the prices (about 90 ms for
 * 500 x 5,000 days); a series without one is digested here.
 */
function _market(
  batch: PriceBatch,
  source: string,
  fixtures?: Fixtures,
  digests: Readonly<Record<string, string>> = {},
): MarketData {
  const nonEmpty = batch.series.filter((s) => s.time.length > 0);
  if (nonEmpty.length === 0) throw new InputError(`${source}: no prices in the range asked for`);
  const splits = splitsByTicker(batch.actions);
  const dataHash = dataHashOfDigests(
    nonEmpty.map((s) =>
      (Object.hasOwn(digests, s.ticker) ? digests[s.ticker] : undefined) ?? seriesDigest(s)
    ),
    splits,
  );
  const base = { series: nonEmpty, splits, source, dataHash };
  return fixtures === undefined ? base : { ...base, fixtures };
}

/** SHA-256 (hex) of series and splits: the same bars always give the same hash, whatever the source. */
export function dataHashOf(
  series: readonly BarSeries[],
  splits: Readonly<Record<string, readonly { date: string; ratio: number }[]>> = {},
): string {
  return dataHashOfDigests(series.map(seriesDigest), splits);
}
