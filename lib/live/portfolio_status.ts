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
import { benchmarkTickers } from "./plan_days.ts";

/** A protection in force on one asset. */
export type ProtectionInForce = {
  readonly asset: string;
  /** The action it concerns: `close` or `open` blocked, `decay` under way. */
  readonly action: "close" | "open" | "decay";
  readonly rule: string;
  readonly reason: string;
};

/** A benchmark since inception: what the starting cash would be worth in it. */
export type BenchmarkSince = {
  readonly ticker: string;
  /** Return from the first planned day's close to the last's (null without both closes). */
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
 * The status of a portfolio from its ledger's contents.
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
 * assert.deepEqual(status.benchmarks.map((b) => b.ticker), ["SPY", "TLT"]);
 * ```
 */
export function portfolioStatus(contents: LedgerContents, ledger: string): PortfolioStatus {
  const { portfolio, days } = contents;
  const first = days[0], last = days.at(-1);
  const value = last?.value ?? portfolio.cash;
  const tickers = benchmarkTickers(portfolio.config);
  const benchmarks = tickers.map((ticker): BenchmarkSince => {
    const from = first?.benchmark[ticker], to = last?.benchmark[ticker];
    if (from == null || to == null || !(from > 0)) return { ticker, returnPct: null, value: null };
    return { ticker, returnPct: to / from - 1, value: portfolio.cash * to / from };
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
