/**
 * Running a sweep: prepare (validate every run against the schema and the
 * data, load the market once), then run what the store does not hold yet, in
 * this thread or on a pool of workers, storing each run the moment it
 * finishes, and yield the results as they come.
 *
 * Memory stays flat: a result is stored and yielded, and nothing of it is
 * kept afterwards; the plan (a config hash and the parameters per run) is the
 * only per-run state held, and each run's config is rebuilt from it when the
 * run starts.
 *
 * @module
 */
import type { ConfigLayer } from "../config/layers.ts";
import { configHash, hashOf } from "../config/hash.ts";
import type { Config } from "../config/schema.ts";
import type { MarketData } from "../data/load_market.ts";
import { InputError } from "../errors.ts";
import { codeVersion as currentCodeVersion } from "../run/code_version.ts";
import type { RunDatabase } from "../run/regime_services.ts";
import { prepareRun } from "../run/run_from_config.ts";
import { SharedServices } from "../run/shared_services.ts";
import type { RandomSearch } from "./grid_file.ts";
import type { GridParameter } from "./grid_space.ts";
import type { MetricName } from "./sweep_metric.ts";
import {
  configOfRun,
  describeParams,
  type PlannedRun,
  planSweep,
  type SweepPlan,
} from "./sweep_plan.ts";
import type { StoredRun, SweepDefinition, SweepStore } from "./sweep_store.ts";
import { type ExecutedRun, SweepExecutor } from "./sweep_executor.ts";
import { sharedMarket } from "./shared_market.ts";
import { SweepWorkers } from "./sweep_workers.ts";

/** What a sweep varies over which base. */
export type SweepRequest = {
  /** Where the grid comes from (a file path, or `sweep()`), for messages. */
  readonly source: string;
  /** The base config's layers, lowest first (a preset among them goes below, as always). */
  readonly layers: readonly ConfigLayer[];
  readonly parameters: readonly GridParameter[];
  readonly random?: RandomSearch | undefined;
  /** What runs are ranked by; default `sharpe`. */
  readonly metric?: MetricName | undefined;
  /** Recorded with the sweep; default the checkout's (see lib/run/code_version.ts). */
  readonly codeVersion?: string | undefined;
};

/** A sweep checked and ready to run. */
export type PreparedSweep = {
  readonly plan: SweepPlan;
  readonly metric: MetricName;
  /** The base config's market, loaded once. */
  readonly market: MarketData;
  /** The hash of the data every run reads (of their distinct data hashes, when they differ). */
  readonly dataHash: string;
  readonly codeVersion: string;
  /** The services of this thread's runs (and of the checks). */
  readonly shared: SharedServices;
  readonly executor: SweepExecutor;
};

/** A run of a sweep as it is yielded. */
export type SweepResult = StoredRun & {
  /** True for a run made now, false for one read back from the store. */
  readonly fresh: boolean;
  /** The run's daily returns (runs made now; stored ones are read with `store.returns`). */
  readonly returns?: Float64Array;
  /** The dates of `returns`. */
  readonly dates?: readonly string[];
};

/**
 * Plans and checks a sweep: every combination validated against the config
 * schema, then against the data and the strategy (its date range, its
 * params), before anything runs; an {@link InputError} lists every problem.
 */
export function prepareSweep(request: SweepRequest): Promise<PreparedSweep> {
  return preparePlannedSweep(planSweep(request), request);
}

/**
 * {@link prepareSweep} for a plan built otherwise (a walk-forward's in-sample
 * plan: the grid x its windows): every run checked against the data and the
 * strategy, the market loaded once (into `shared`, when given).
 */
export async function preparePlannedSweep(
  plan: SweepPlan,
  options: {
    readonly metric?: MetricName | undefined;
    readonly codeVersion?: string | undefined;
    readonly shared?: SharedServices | undefined;
  } = {},
): Promise<PreparedSweep> {
  const shared = options.shared ?? new SharedServices();
  const codeVersion = options.codeVersion ?? await currentCodeVersion();
  const market = await shared.market(plan.base);
  const executor = new SweepExecutor({ shared, market, base: plan.base, codeVersion });
  const dataHashes = new Set<string>();
  const problems: string[] = [];
  for (const run of plan.runs) {
    try {
      const config = _configOf(plan, run);
      const m = await shared.market(config);
      dataHashes.add(m.dataHash);
      prepareRun(config, m, await executor.strategy(config.strategy.name), { shared });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      for (const line of error.problems) {
        problems.push(`${plan.source}: combination ${describeParams(run.params)}: ${line}`);
      }
      if (problems.length > 40) break;
    }
  }
  if (problems.length > 0) throw new InputError(problems.slice(0, 40));
  const hashes = [...dataHashes].sort();
  return {
    plan,
    metric: options.metric ?? "sharpe",
    market,
    dataHash: hashes.length === 1 ? hashes[0] as string : hashOf(hashes),
    codeVersion,
    shared,
    executor,
  };
}

/** What the sweep found when it started. */
export type SweepStart = {
  readonly planned: number;
  /** Runs the store already held. */
  readonly stored: number;
  readonly toRun: number;
  /** Worker threads (0: the runs share this thread). */
  readonly workers: number;
};

/** Options of {@link runSweep}. */
export type RunSweepOptions = {
  /** The sweep's name in the store (needed with a store). */
  readonly name?: string | undefined;
  /** Where runs go as they finish, and what is skipped on a restart; none = results are only yielded. */
  readonly store?: SweepStore | undefined;
  /** Worker threads; 0 (the default) runs in this thread. */
  readonly workers?: number | undefined;
  /** Share services between runs (the default); false builds them for every run. */
  readonly share?: boolean | undefined;
  /** Yield the runs the store already held first (the default); false skips them. */
  readonly yieldStored?: boolean | undefined;
  /** Told the counts before the first run. */
  readonly onStart?: ((start: SweepStart) => void) | undefined;
};

/** The definition a store records for a prepared sweep. */
export function sweepDefinition(prepared: PreparedSweep, name: string): SweepDefinition {
  const { plan } = prepared;
  return {
    name,
    source: plan.source,
    dataHash: prepared.dataHash,
    codeVersion: prepared.codeVersion,
    baseConfigHash: hashOf(plan.base),
    parameters: plan.parameters,
    ...(plan.random ? { random: { count: plan.random.count, seed: plan.random.seed } } : {}),
    metric: prepared.metric,
    runs: plan.runs.length,
  };
}

/** Runs a prepared sweep; see the module doc. */
export async function* runSweep(
  prepared: PreparedSweep,
  options: RunSweepOptions = {},
): AsyncGenerator<SweepResult, void, undefined> {
  const { plan } = prepared;
  const { store } = options;
  const workers = options.workers ?? 0;
  if (!Number.isInteger(workers) || workers < 0) {
    throw new InputError(`--workers: must be a whole number >= 0, got ${workers}`);
  }
  let stored = new Set<string>();
  const name = options.name ?? "sweep";
  if (store) {
    await store.begin(sweepDefinition(prepared, name), plan.runs);
    stored = await store.storedHashes(name);
  }
  const toRun = plan.runs.filter((r) => !stored.has(r.configHash));
  const storedCount = plan.runs.length - toRun.length;
  stored = new Set(); // not needed any more
  options.onStart?.({
    planned: plan.runs.length,
    stored: storedCount,
    toRun: toRun.length,
    workers,
  });
  if (store && storedCount > 0 && options.yieldStored !== false) {
    for await (const run of store.ranked(name, prepared.metric)) yield { ...run, fresh: false };
  }
  if (toRun.length === 0) return;
  const share = options.share ?? true;
  const database = lazyResearchDatabase();
  const pool = workers > 0
    ? await SweepWorkers.start(workers, {
      market: sharedMarket(prepared.market),
      base: plan.base,
      codeVersion: prepared.codeVersion,
      share,
    })
    : undefined;
  const executor = share ? prepared.executor : new SweepExecutor({
    shared: undefined,
    market: prepared.market,
    base: plan.base,
    codeVersion: prepared.codeVersion,
    database: database.get,
  });
  if (share) executor.useDatabase(database.get);
  const execute = (run: PlannedRun): Promise<ExecutedRun> => {
    const config = _configOf(plan, run);
    const done = pool
      ? pool.run(config, run.params)
      : config.database.enabled
      ? database.open().then(() => executor.run(config, run.params))
      : executor.run(config, run.params);
    return done.catch((error: Error) => {
      const which = `${plan.source}: the run ${describeParams(run.params)}`;
      throw error instanceof InputError
        ? new InputError(`${which}: ${error.message}`, { cause: error })
        : new Error(`${which} failed: ${error.message}`, { cause: error });
    });
  };
  let failed = true;
  try {
    for await (const [run, done] of _window(toRun, execute, pool ? pool.capacity : 1)) {
      const { record, dates } = done;
      if (store) {
        await store.putCalendar(record.calendar.id, dates);
        await store.put(name, record);
      }
      yield {
        position: run.position,
        configHash: record.configHash,
        params: record.params,
        metrics: record.metrics,
        summary: record.summary,
        calendarId: record.calendar.id,
        durationMs: record.durationMs,
        fresh: true,
        returns: record.returns,
        dates,
      };
    }
    failed = false;
  } finally {
    if (pool) failed ? pool.abort() : await pool.close();
    await database.close();
  }
}

/** The config of a planned run, checked against the plan's hash (a mismatch is a bug). */
function _configOf(plan: SweepPlan, run: PlannedRun): Config {
  const config = configOfRun(plan, run.params);
  const hash = configHash(config);
  if (hash !== run.configHash) {
    throw new Error(
      `sweep: the config of ${
        describeParams(run.params)
      } hashes to ${hash}, not to the planned ${run.configHash}`,
    );
  }
  return config;
}

/**
 * Runs `execute` over `items` with at most `width` at once, yielding each
 * result with its item as it settles; the first failure ends the iteration
 * (the others' outcomes are dropped).
 */
async function* _window<T, R>(
  items: readonly T[],
  execute: (item: T) => Promise<R>,
  width: number,
): AsyncGenerator<[T, R], void, undefined> {
  const running = new Map<number, Promise<[number, R]>>();
  let next = 0;
  while (next < items.length || running.size > 0) {
    while (running.size < width && next < items.length) {
      const i = next++;
      const promise = execute(items[i] as T).then((r): [number, R] => [i, r]);
      promise.catch(() => {}); // settled through Promise.race below, or dropped after a failure
      running.set(i, promise);
    }
    const [i, result] = await Promise.race(running.values());
    running.delete(i);
    yield [items[i] as T, result];
  }
}

/** The research database of this thread's runs, opened on first need and closed at the end. */
export function lazyResearchDatabase(): {
  get: () => RunDatabase | undefined;
  open: () => Promise<void>;
  close: () => Promise<void>;
} {
  let services:
    | { runContext: RunDatabase | undefined; close: () => Promise<void> }
    | undefined;
  return {
    get: (): RunDatabase | undefined => services?.runContext,
    open: async (): Promise<void> => {
      if (services !== undefined) return;
      const d = await import("../run/database_services.ts");
      services = d.openDatabaseServices({
        enabled: true,
        env: (name) => Deno.env.get(name),
        logger: d.stderrLogger,
      });
    },
    close: async (): Promise<void> => {
      await services?.close();
      services = undefined;
    },
  };
}
