/**
 * What many runs in one process share: the loaded market, its Panel and the
 * regime-aware strategy's market services, each cached by what it reads
 * (service_cache.ts). A sweep hands one {@link SharedServices} to every run
 * (`prepareRun(..., { shared })`, `executeRun(run, { shared, ... })`); a run
 * without one builds everything itself, as the backtest does. Both give the
 * same results: the builders are the same functions.
 *
 * What each service reads (recorded, not declared; listed here for the
 * reader): the market reads `data.source`, `data.csv`, `data.store`,
 * `data.fixturesDir` and `data.tickers`; the Panel the market and
 * `data.prices`; the regime provider the Panel, `buckets.regimeMap` and, when
 * the database is used, the run's range; the scan history and the
 * fundamentals only the Panel and the market; the benchmark runs the Panel,
 * `run.benchmark`, `run.cash`, the broker section, `run.riskFreeRate` and the
 * run's range.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import { listParams } from "../config/params.ts";
import { loadMarket, type MarketData, type MarketRequest } from "../data/load_market.ts";
import type { Panel } from "../data/panel.ts";
import { scanHistory } from "../market/scanner_history.ts";
import {
  fundamentalsFor,
  type MarketServices,
  panelFor,
  regimeProviderFor,
  type RunDatabase,
  type RunRange,
} from "./regime_services.ts";
import { memoizedScans } from "./scan_memo.ts";
import { memoizedRegime } from "./regime_memo.ts";
import { ServiceCache, type ServiceCacheStats } from "./service_cache.ts";
import type { BenchmarkRun } from "../engine/run_result.ts";
import { runBenchmarks } from "./benchmark_runs.ts";
import { chooseBenchmarks } from "./benchmark_spec.ts";

let leafPaths: ReadonlySet<string> | undefined;

/** Config parameters are recorded whole when read (an object parameter is one value). */
function _isConfigLeaf(path: string): boolean {
  leafPaths ??= new Set(listParams().map((p) => `config.${p.path}`));
  return leafPaths.has(path);
}

/** The `data` section as `loadMarket` takes it. */
export function marketRequestOf(config: Config): MarketRequest {
  const d = config.data;
  return {
    source: d.source,
    csv: d.csv,
    store: d.store,
    fixturesDir: d.fixturesDir,
    tickers: d.tickers,
  };
}

/** Services shared by the runs of one process; see the module doc. */
export class SharedServices {
  readonly #cache: ServiceCache;

  /** Empty; `maxEntries` bounds the entries kept per service (default 4). */
  constructor(options: { readonly maxEntries?: number } = {}) {
    this.#cache = new ServiceCache({
      isLeaf: _isConfigLeaf,
      ...(options.maxEntries === undefined ? {} : { maxEntries: options.maxEntries }),
    });
  }

  /** The market the config's `data` section names, loaded once. */
  market(config: Config): Promise<MarketData> {
    return this.#cache.useAsync(
      "market",
      { config },
      [],
      (i) => loadMarket(marketRequestOf(i.config)),
    );
  }

  /** Adds an already loaded market (a worker receives it from the main thread). */
  adoptMarket(config: Config, market: MarketData): void {
    this.#cache.use("market", { config }, [], (i) => (marketRequestOf(i.config), market));
  }

  /** The Panel of `market` the config asks for. */
  panel(config: Config, market: MarketData): Panel {
    return this.#cache.use("panel", { config }, [market], (i) => panelFor(i.config, market));
  }

  /** The regime provider and scan history (both remembering their answers) and the fundamentals of a run. */
  async marketServices(
    config: Config,
    market: MarketData,
    panel: Panel,
    range: RunRange,
    database?: RunDatabase,
  ): Promise<MarketServices> {
    const regime = await this.#cache.useAsync(
      "regime",
      { config, range },
      [panel, database?.research, database?.logger],
      async (i) =>
        memoizedRegime(await regimeProviderFor(i.config, panel, i.range, database), panel.dayCount),
    );
    const scans = this.#cache.use(
      "scans",
      {},
      [panel],
      () => memoizedScans(scanHistory(panel), panel.assetCount, panel.dayCount),
    );
    const fundamentals = this.#cache.use(
      "fundamentals",
      {},
      [market],
      () => fundamentalsFor(market),
    );
    return { regime, scans, fundamentals };
  }

  /**
   * The benchmarks of a run over `range`, run once for every run that shares the Panel and
   * what they read: `run.benchmark` (which benchmarks), `run.cash`, the broker section,
   * `run.riskFreeRate` (their metrics) and the range. A grid over sizing or protection runs
   * them once.
   */
  benchmarks(config: Config, panel: Panel, range: RunRange): BenchmarkRun[] {
    return this.#cache.use(
      "benchmarks",
      { config, range },
      [panel],
      (i) =>
        runBenchmarks(panel, chooseBenchmarks(i.config.run.benchmark, panel.tickers).specs, {
          cash: i.config.run.cash,
          broker: i.config.broker,
          start: i.range.from,
          end: i.range.to,
          riskFreeRate: i.config.run.riskFreeRate,
        }),
    );
  }

  /** How often each service was built and reused. */
  stats(): ServiceCacheStats {
    return this.#cache.stats();
  }
}
