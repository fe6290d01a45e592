/**
 * Configuration sections of the run itself: dates and cash, the data, the
 * strategy, the broker. Composed into the whole schema in schema.ts.
 *
 * @module
 */
import { z } from "zod";
import { param } from "./param.ts";
import { parseIsoDay } from "../data/dates.ts";

const isoDate = z.string().refine((s) => !Number.isNaN(parseIsoDay(s)), {
  message: "must be a date as YYYY-MM-DD",
});

const commission = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("none") }),
  z.strictObject({
    type: z.literal("perShare"),
    perShare: z.number().min(0).default(0.005),
    minimum: z.number().min(0).default(1),
  }),
  z.strictObject({ type: z.literal("percent"), rate: z.number().min(0).max(0.1) }),
  z.strictObject({ type: z.literal("fixed"), amount: z.number().min(0) }),
]);

export const runSection = z.strictObject({
  start: param(isoDate.optional(), {
    tier: "basic",
    description: "First day of the backtest (default: the first day of the data)",
    flag: "start-date",
    format: "date",
  }),
  end: param(isoDate.optional(), {
    tier: "basic",
    description: "Last day of the backtest (default: the last day of the data)",
    flag: "end-date",
    format: "date",
  }),
  cash: param(z.number().positive().default(100_000), {
    tier: "basic",
    description: "Starting cash",
    flag: "cash",
  }),
  benchmark: param(z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(), {
    tier: "intermediate",
    description:
      "Benchmarks (the first for beta, alpha): TICKER, 60/40:SPY,TLT, equal-weight; default SPY and 60/40:SPY,TLT",
    flag: "benchmark",
  }),
  riskFreeRate: param(z.number().min(-0.05).max(0.5).default(0), {
    tier: "advanced",
    description: "Annual risk-free rate for Sharpe, Sortino and alpha",
  }),
});

export const dataSection = z.strictObject({
  source: param(z.enum(["fixtures", "store", "csv"]).default("fixtures"), {
    tier: "basic",
    description: "Where prices come from: the bundled synthetic fixtures, the price store, or CSV",
    flag: "source",
  }),
  csv: param(z.string().min(1).optional(), {
    tier: "basic",
    description: "A Yahoo-format CSV file or a folder of them (implies source csv)",
    flag: "csv",
  }),
  store: param(z.string().min(1).default("data/prices.db"), {
    tier: "intermediate",
    description: "Path of the SQLite price store that `deno task ingest` fills",
    flag: "store",
  }),
  fixturesDir: param(z.string().min(1).default("fixtures"), {
    tier: "expert",
    description: "Folder of the fixture market",
  }),
  tickers: param(z.array(z.string().min(1)).min(1).optional(), {
    tier: "basic",
    description: "Trade only these tickers (default: every ticker of the source)",
    flag: "tickers",
  }),
  prices: param(z.enum(["adjusted", "raw"]).default("adjusted"), {
    tier: "intermediate",
    description: "Adjusted prices (OHLC scaled by Adj Close / Close) or raw as-traded prices",
    flag: "prices",
  }),
});

export const strategySection = z.strictObject({
  name: param(z.string().min(1).default("regime-aware"), {
    tier: "basic",
    description:
      "A built-in strategy (regime-aware, sma-cross, equal-weight) or the path of a strategy file",
    flag: "strategy",
  }),
  params: param(
    z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
    {
      tier: "basic",
      description: "Strategy parameters (from the command line: --param key=value)",
      flag: "param",
    },
  ),
});

export const brokerSection = z.strictObject({
  fill: param(z.enum(["nextOpen", "close"]).default("nextOpen"), {
    tier: "intermediate",
    description: "Market orders fill at the next bar's open, or at the close of the decision bar",
  }),
  commission: param(commission.default({ type: "perShare", perShare: 0.005, minimum: 1 }), {
    tier: "intermediate",
    description: "Commission model: none, perShare (with a minimum), percent of value, or fixed",
  }),
  slippageBps: param(z.number().min(0).max(1000).default(5), {
    tier: "intermediate",
    description: "Slippage in basis points: buys pay more, sells receive less",
  }),
  fractional: param(z.boolean().default(false), {
    tier: "intermediate",
    description: "Allow fractional shares (default: whole shares)",
  }),
  rounding: param(z.enum(["down", "nearest", "band"]).default("nearest"), {
    tier: "intermediate",
    description:
      "Whole shares: targets rounded down, to the nearest share cash covers, or band (nearest, drift band kept)",
  }),
  driftBand: param(z.number().min(0).max(1).default(0.05), {
    tier: "advanced",
    description:
      "With rounding band: a holding within this fraction of its target value (or one share) is not traded",
  }),
  cashBuffer: param(z.number().min(0).max(0.2).default(0), {
    tier: "advanced",
    description: "Fraction of value kept out of target-weight rebalances as a cash buffer",
  }),
  minTradeWeight: param(z.number().min(0).max(0.2).default(0), {
    tier: "advanced",
    description: "Skip rebalance trades smaller than this fraction of value",
  }),
  margin: param(z.boolean().default(false), {
    tier: "expert",
    description: "Allow cash to go negative (buying on margin)",
  }),
});
