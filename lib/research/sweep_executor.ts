/**
 * One run of a sweep, from its config to the record the store keeps: the same
 * `prepareRun` and `executeRun` as `deno task backtest`, without the audit
 * log and the report, with the process's {@link SharedServices} (or, when
 * sharing is off, with every service built for the run alone). Without an
 * audit log the cash attribution, which decides nothing and is kept nowhere
 * in a sweep, is not computed (it cost a sweep run four fifths of its time).
 *
 * A run restricted to `run.start`..`run.end` reads the earlier days of the
 * data as warm-up history (indicators, regimes and scans are computed over the
 * whole Panel, and each day's answer uses only days up to it), so a worker
 * can run any window of a walk-forward the same way.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import { loadMarket, type MarketData } from "../data/load_market.ts";
import type { StrategyFactory } from "../engine/define_strategy.ts";
import type { RunResult } from "../engine/run_result.ts";
import { executeRun, prepareRun } from "../run/run_from_config.ts";
import type { RunDatabase } from "../run/regime_services.ts";
import { marketRequestOf, type SharedServices } from "../run/shared_services.ts";
import { REGIME_AWARE, resolveStrategy } from "../run/strategy_source.ts";
import type { Assignment } from "./grid_space.ts";
import { sweepRecordOf, type SweepRunRecord } from "./sweep_record.ts";

/** Options of a {@link SweepExecutor}. */
export type SweepExecutorOptions = {
  /** Services shared by the runs; undefined = each run builds its own (the market apart). */
  readonly shared: SharedServices | undefined;
  /** The market of runs that share the base's data section (loaded once by the caller). */
  readonly market: MarketData;
  /** The base config the market was loaded for. */
  readonly base: Config;
  readonly codeVersion: string;
  /** The research database of runs with `database.enabled` (opened by the caller, once). */
  readonly database?: (() => RunDatabase | undefined) | undefined;
};

/** A finished run: its record and the dates of its returns. */
export type ExecutedRun = { readonly record: SweepRunRecord; readonly dates: readonly string[] };

/** Runs configs one at a time; see the module doc. */
export class SweepExecutor {
  readonly #o: SweepExecutorOptions;
  #database: (() => RunDatabase | undefined) | undefined;
  readonly #strategies = new Map<string, Promise<StrategyFactory | typeof REGIME_AWARE>>();

  /** An executor over a loaded market; see {@link SweepExecutorOptions}. */
  constructor(options: SweepExecutorOptions) {
    this.#o = options;
    this.#database = options.database;
    options.shared?.adoptMarket(options.base, options.market);
  }

  /** Runs `config` (one combination, `params`) to its record. */
  async run(config: Config, params: Assignment): Promise<ExecutedRun> {
    const started = performance.now();
    const result = await this.result(config);
    return {
      record: sweepRecordOf(result, params, performance.now() - started),
      dates: result.equity.dates,
    };
  }

  /** Runs `config` to its whole result (a walk-forward's out-of-sample piece). */
  async result(config: Config): Promise<RunResult> {
    const { shared } = this.#o;
    const market = shared
      ? await shared.market(config)
      : _sameData(config, this.#o.base)
      ? this.#o.market
      : await loadMarket(marketRequestOf(config));
    const definition = await this.strategy(config.strategy.name);
    const run = prepareRun(config, market, definition, { shared });
    const database = config.database.enabled ? this.#database?.() : undefined;
    return await executeRun(run, {
      startedAt: "",
      codeVersion: this.#o.codeVersion,
      shared,
      attributeCash: false,
      ...(database ? { database } : {}),
    });
  }

  /** Where runs with `database.enabled` find the research database from now on. */
  useDatabase(database: () => RunDatabase | undefined): void {
    this.#database = database;
  }

  /** The strategy a name stands for, resolved once per name. */
  strategy(name: string): Promise<StrategyFactory | typeof REGIME_AWARE> {
    let found = this.#strategies.get(name);
    if (found === undefined) this.#strategies.set(name, found = resolveStrategy(name));
    return found;
  }
}

function _sameData(a: Config, b: Config): boolean {
  return JSON.stringify(marketRequestOf(a)) === JSON.stringify(marketRequestOf(b));
}
