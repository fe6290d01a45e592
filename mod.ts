/**
 * A regime-aware portfolio engine: price data and point-in-time Panels,
 * indicators, an asset scanner, regime detection, scoring and two-stage
 * sizing, protection rules, a daily backtest engine with a realistic broker,
 * an audit log of every decision, performance analytics, configuration, and
 * paper portfolios planned day by day with the backtest's own pipeline — for
 * scripts, notebooks and tests.
 *
 * @example A backtest on the bundled fixture market
 * ```ts
 * import assert from "node:assert/strict";
 * import { builtInStrategies, loadFixtures, Panel, runBacktest } from "./mod.ts";
 *
 * const fx = await loadFixtures();
 * const panel = Panel.fromSeries(fx.series.filter((s) => ["SPY", "TLT"].includes(s.ticker)));
 * const strategy = builtInStrategies["equal-weight"]?.fromParams({});
 * assert.ok(strategy);
 * const result = runBacktest({ panel, strategy, cash: 10_000, start: "2020-01-02" });
 * assert.ok(result.finalValue > 0);
 * ```
 *
 * @module
 */
export * from "./lib/errors.ts";
export * from "./lib/data/mod.ts";
export * from "./lib/indicators/mod.ts";
export * from "./lib/market/mod.ts";
export * from "./lib/portfolio/mod.ts";
export * from "./lib/protection/mod.ts";
export * from "./lib/engine/mod.ts";
export * from "./lib/analytics/mod.ts";
export * from "./lib/audit/mod.ts";
export * from "./lib/db/mod.ts";
export * from "./lib/config/mod.ts";
export * from "./lib/run/mod.ts";
export * from "./lib/research/mod.ts";
export * from "./lib/live/mod.ts";
export * from "./lib/report/mod.ts";
export * from "./lib/notebook/mod.ts";
