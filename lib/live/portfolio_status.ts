/**
 * A paper portfolio's status (`deno task plan --portfolio NAME --status`):
 * holdings and value at the last planned day's close, profit and loss since
 * inception against each benchmark, the protections in force, and the last
 * plan. Read from the ledger alone: no price data needed.
 *
 * Protections in force are what the rules would say at the last planned
 * day's close: closes they would block (holding period, core asset, grace),
 * grace decays under way, and reopenings they would block (whipsaw).
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import { protectionFor } from "../run/regime_services.ts";
import type { ProtectionSnapshot } from "../protection/protection_snapshot.ts";
import type { DayPlan, LedgerContents, LedgerHolding } from "./ledger.ts";
import type { BenchmarkRun } from "../engine/run_result.ts";
import type { Panel } from "../data/panel.ts";
import { chooseBenchmarks } from "../run/benchmark_spec.ts";
import { runBenchmarks } from "../run/benchmark_runs.ts";

/** A protection in force on one asset. */
export type ProtectionInForce = {
  readonly asset: string;
  /** The action it concerns: `close` or `open` blocked, `decay` under way. */
  readonly action: "close" | "open" | "decay";
  readonly rule: string;
  readonly reason: string;
};

/**
 * A benchmark since inception: what the starting cash would be worth in it, simulated over the
 * planned days through the portfolio's broker and costs as a backtest's benchmarks are.
 */
export type BenchmarkSince = {
  /** `SPY`, `60/40:SPY,TLT`, `equal-weight`. */
  readonly name: string;
  /** Return over the planned days (null before the first plan). */
  readonly returnPct: number | null;
  readonly value: number | null;
};

/** What `--status` shows. */
export type PortfolioStatus = {
  readonly portfolio: string;
  readonly strategy: string;
  readonly inception: string;
  /** The last planned day (null before the first plan). */
  readonly lastDay: string | null;
  readonly daysPlanned: number;
  readonly initialCash: number;
  readonly value: number;
  readonly cash: number;
  readonly pnl: number;
  readonly returnPct: number;
  readonly benchmarks: readonly BenchmarkSince[];
  readonly holdings: readonly LedgerHolding[];
  readonly protections: readonly ProtectionInForce[];
  /** The last plan: its targets and the orders sent for the next open. */
  readonly lastPlan: DayPlan | null;
  readonly configChanges: number;
  readonly fills: number;
  readonly ledger: string;
};

/** Protections in force at the snapshot's day (see the module doc). */
export function protectionsInForce(
  config: Config,
  snapshot: ProtectionSnapshot | null,
): ProtectionInForce[] {
  if (snapshot === null) return [];
  const protection = protectionFor(config);
  protection.restore(snapshot, 0);
  const out: ProtectionInForce[] = [];
  for (const a of snapshot.assets) {
    const status = protection.status(a.asset, 0);
    if (a.open) {
      const close = status.actions.close;
      if (!close.allowed) {
        out.push({ asset: a.asset, action: "close", rule: close.rule, reason: close.reason });
      }
      const grace = status.protections["grace_period"] as
        | { active?: boolean; daysLeft?: number; size?: number }
        | undefined;
      if (grace?.active === true) {
        out.push({
          asset: a.asset,
          action: "decay",
          rule: "grace_period",
          reason: `in grace: ${grace.daysLeft} day(s) left, decayed to ${
            ((grace.size ?? 0) * 100).toFixed(1)
          }%`,
        });
      }
    } else {
      const open = status.actions.open;
      if (!open.allowed) {
        out.push({ asset: a.asset, action: "open", rule: open.rule, reason: open.reason });
      }
    }
  }
  return out;
}

/**
 * The status of a portfolio from its ledger's contents, and its benchmarks simulated over the
 * planned days ({@link benchmarksSinceInception}; none without them).
 *
 * @example Before the first plan
 * ```ts
 * import assert from "node:assert/strict";
 * import { validateConfig } from "../config/load.ts";
 * import { initialPlanState } from "./plan_state.ts";
 * import { portfolioStatus } from "./portfolio_status.ts";
 *
 * const config = validateConfig({});
 * const status = portfolioStatus({
 *   portfolio: { name: "demo", inception: "2020-06-01", cash: 1000, config, configHash: "h", createdAt: "", codeVersion: "" },
 *   days: [], holdings: [], fills: [], notes: [], trades: [], decisions: [], plans: [], configChanges: [],
 *   state: initialPlanState(1000),
 * }, "demo.db");
 * assert.equal(status.value, 1000);
 * assert.equal(status.lastDay, null);
 * assert.deepEqual(status.benchmarks, []);
 * ```
 */
export function portfolioStatus(
  contents: LedgerContents,
  ledger: string,
  benchmarkRuns: readonly BenchmarkRun[] = [],
): PortfolioStatus {
  const { portfolio, days } = contents;
  const last = days.at(-1);
  const value = last?.value ?? portfolio.cash;
  const benchmarks = benchmarkRuns.map((run): BenchmarkSince => {
    const end = run.value.at(-1);
    if (end === null || end === undefined || days.length === 0) {
      return { name: run.name, returnPct: null, value: null };
    }
    return { name: run.name, returnPct: end / portfolio.cash - 1, value: end };
  });
  return {
    portfolio: portfolio.name,
    strategy: portfolio.config.strategy.name,
    inception: portfolio.inception,
    lastDay: last?.date ?? null,
    daysPlanned: days.length,
    initialCash: portfolio.cash,
    value,
    cash: last?.cash ?? portfolio.cash,
    pnl: value - portfolio.cash,
    returnPct: value / portfolio.cash - 1,
    benchmarks,
    holdings: contents.holdings,
    protections: protectionsInForce(portfolio.config, contents.state.protection),
    lastPlan: contents.plans.filter((p) => !p.superseded).at(-1) ?? null,
    configChanges: contents.configChanges.length,
    fills: contents.fills.length,
    ledger,
  };
}

/**
 * The portfolio's benchmarks (`run.benchmark`, or the defaults its prices allow) run from its
 * first planned day to its last with its starting cash, broker and costs, as a backtest over
 * those days runs them: bought at the first day's close, filled at the next open. Empty before
 * the first plan. An unknown benchmark ticker is an `InputError`, as in a backtest.
 */
export function benchmarksSinceInception(
  contents: LedgerContents,
  panel: Panel,
): BenchmarkRun[] {
  const { portfolio, days } = contents;
  const first = days[0], last = days.at(-1);
  if (first === undefined || last === undefined) return [];
  const config = portfolio.config;
  return runBenchmarks(panel, chooseBenchmarks(config.run.benchmark, panel.tickers).specs, {
    cash: portfolio.cash,
    broker: config.broker,
    start: first.date,
    end: last.date,
    riskFreeRate: config.run.riskFreeRate,
  });
}
