/**
 * Deterministic {@link RunResult}s for the report's tests, benchmark and
 * browser test: a seeded random walk with regime episodes, monthly
 * rebalances that close trades, bucket weights, protection verdicts and real
 * metrics from `computeMetrics`. Not a market model: just the shapes and sizes
 * of a real run (500 assets x 5,000 days gives ~6,000 trades).
 *
 * @module
 */

import { computeMetrics } from "../../analytics/mod.ts";
import { createRandom, type Random } from "../../data/random.ts";
import { formatIsoDay, parseIsoDay, weekdayOfDay } from "../../data/dates.ts";
import {
  type Allocation,
  type BenchmarkRun,
  type Holding,
  type ProtectionActivity,
  type RegimePath,
  RESULT_VERSION,
  type RunResult,
} from "../../engine/run_result.ts";
import type { Fill, Trade } from "../../engine/types.ts";
import type { RegimeName } from "../../market/regime.ts";

/** What to generate. */
export type SyntheticRunOptions = {
  readonly assets: number;
  /** Trading days (weekdays from `start`). */
  readonly days: number;
  readonly seed?: number;
  /** First day, ISO. Default 2005-01-03. */
  readonly start?: string;
  /** Benchmark, regimes, allocation and protection (default true); false leaves them null. */
  readonly sections?: boolean;
  /** Names with HTML metacharacters in a ticker, a bucket, a rule, the strategy and the config. */
  readonly hostileNames?: boolean;
};

/** A string that would break a page that does not escape it. */
export const HOSTILE = `</script><script>window.__pwned=1</script><b onclick="x">&amp;`;

const REGIMES: readonly RegimeName[] = ["Goldilocks", "Reflation", "Inflation", "Deflation"];
const DRIFT: Readonly<Record<RegimeName, number>> = {
  Goldilocks: 0.0011,
  Reflation: 0.0006,
  Inflation: -0.0001,
  Deflation: -0.0004,
};
const SEVERITIES = ["minor", "major", "critical"] as const;
const RULES = ["core_asset", "grace_period", "holding_period", "regime_override", "whipsaw"];
const OUTCOMES = ["approved", "blocked", "modified", "overridden"] as const;

/** A synthetic run result (see the module doc). Same options, same result. */
export function syntheticRunResult(options: SyntheticRunOptions): RunResult {
  const seed = options.seed ?? 7, sections = options.sections ?? true;
  const hostile = options.hostileNames ?? false;
  const random = (stream: string): Random => createRandom(seed, stream);
  const dates = _weekdays(options.start ?? "2005-01-03", options.days);
  const tickers = Array.from(
    { length: options.assets },
    (_, i) => hostile && i === 0 ? `X<b>&"${i}` : `T${String(i).padStart(3, "0")}`,
  );
  const regime = _regimePath(dates, random("regimes"));
  const walk = _walk(regime.regime, random("equity"));
  const rebalances = dates.flatMap((d, i) =>
    i > 0 && d.slice(5, 7) !== dates[i - 1]?.slice(5, 7) ? [i] : []
  );
  const trades = _trades(dates, tickers, rebalances, random("trades"));
  const buckets = [
    "us_equity",
    "intl_equity",
    "bonds",
    "commodities",
    "real_estate",
    hostile ? HOSTILE : "gold",
  ];
  const rules = hostile ? [...RULES, HOSTILE] : RULES;
  const benchmark = walk.benchmark;
  const turnover = dates.map((_, i) => (rebalances.includes(i) ? 0.1 : 0));
  const lastValue = walk.value[walk.value.length - 1] ?? 0;
  return {
    version: RESULT_VERSION,
    strategy: hostile ? `rotation ${HOSTILE}` : "regime-rotation",
    startedAt: "2025-01-02T03:04:05.000Z",
    codeVersion: "0.1.0+synthetic",
    configHash: `sha256:${(seed * 2654435761 >>> 0).toString(16).padStart(8, "0").repeat(8)}`,
    dataHash: `sha256:${(seed * 40503 >>> 0).toString(16).padStart(8, "0").repeat(8)}`,
    config: {
      strategy: "regime-rotation",
      benchmark: "SPY",
      rebalance: "monthly",
      note: hostile ? HOSTILE : "synthetic",
      universe: tickers.slice(0, 8),
      sizing: { maxSingle: 0.15, target: 0.95 },
    },
    period: { start: dates[0] ?? "", end: dates[dates.length - 1] ?? "", days: dates.length },
    initialCash: 1_000_000,
    finalCash: lastValue * 0.04,
    finalValue: lastValue,
    equity: {
      dates,
      value: walk.value,
      cash: walk.value.map((v) => v * 0.04),
      exposure: walk.value.map(() => 0.96),
      turnover,
    },
    benchmarks: sections ? _benchmarks(dates, benchmark) : [],
    benchmarkNotes: [],
    metrics: computeMetrics({
      curve: { dates, value: walk.value, exposure: walk.value.map(() => 0.96), turnover },
      trades,
      ...(sections ? { benchmark } : {}),
    }),
    trades,
    fills: _fills(trades),
    orderNotes: rebalances.filter((_, k) => k % 10 === 3).map((i, k) => ({
      orderId: 1_000_000 + k,
      ticker: tickers[k % tickers.length] ?? "",
      side: "buy" as const,
      requested: 100,
      filled: 60,
      outcome: "trimmed" as const,
      reason: "not enough cash",
      date: dates[i] ?? "",
    })),
    wholeShareCash: null,
    holdings: _holdings(tickers, buckets, lastValue, random("holdings")),
    regimes: sections ? regime : null,
    allocation: sections ? _allocation(dates, rebalances, regime.regime, buckets) : null,
    protection: sections ? _protection(dates, rebalances, rules, random("protection")) : null,
  };
}

function _weekdays(start: string, count: number): string[] {
  const out: string[] = [];
  for (let day = parseIsoDay(start); out.length < count; day++) {
    if (weekdayOfDay(day) !== 0 && weekdayOfDay(day) !== 6) out.push(formatIsoDay(day));
  }
  return out;
}

function _regimePath(dates: readonly string[], random: Random): RegimePath {
  const regime: RegimeName[] = [], confidence: number[] = [];
  const transitions: RegimePath["transitions"][number][] = [];
  let current: RegimeName = "Goldilocks";
  while (regime.length < dates.length) {
    const length = random.int(40, 250);
    for (let k = 0; k < length && regime.length < dates.length; k++) {
      regime.push(current);
      confidence.push(0.5 + random.next() / 2);
    }
    const next: RegimeName = REGIMES[(REGIMES.indexOf(current) + random.int(1, 3)) % 4] ??
      "Goldilocks";
    const date = dates[regime.length];
    if (date === undefined) break;
    transitions.push({
      date,
      from: current,
      to: next,
      severity: SEVERITIES[random.int(0, 2)] ?? "minor",
    });
    current = next;
  }
  return { dates: [...dates], regime, confidence, transitions };
}

function _walk(
  regime: readonly RegimeName[],
  random: Random,
): { value: number[]; benchmark: number[] } {
  const value: number[] = [], benchmark: number[] = [];
  let v = 1_000_000, b = 1_000_000;
  for (const r of regime) {
    const common = random.normal() * 0.008;
    v *= 1 + DRIFT[r] + common + random.normal() * 0.005;
    b *= 1 + 0.0003 + common + random.normal() * 0.004;
    value.push(v);
    benchmark.push(b);
  }
  return { value, benchmark };
}

function _trades(
  dates: readonly string[],
  tickers: readonly string[],
  rebalances: readonly number[],
  random: Random,
): Trade[] {
  const trades: Trade[] = [];
  const perMonth = Math.max(1, Math.round(tickers.length / 20));
  for (const exit of rebalances) {
    for (let k = 0; k < perMonth; k++) {
      const entry = Math.max(0, exit - random.int(20, 400));
      const entryPrice = 20 + random.next() * 180;
      const exitPrice = entryPrice * (1 + random.normal() * 0.15);
      const size = Math.round(10_000 / entryPrice), commission = 2;
      const pnl = (exitPrice - entryPrice) * size - commission;
      const entryDate = dates[entry] ?? "", exitDate = dates[exit] ?? "";
      trades.push({
        ticker: tickers[random.int(0, tickers.length - 1)] ?? "",
        entryDate,
        exitDate,
        entryPrice,
        exitPrice,
        size,
        pnl,
        returnPct: pnl / (entryPrice * size),
        daysHeld: parseIsoDay(exitDate) - parseIsoDay(entryDate),
        commission,
      });
    }
  }
  return trades;
}

function _fills(trades: readonly Trade[]): Fill[] {
  return trades.flatMap((t, k): Fill[] => [
    {
      orderId: 2 * k,
      ticker: t.ticker,
      side: "buy",
      size: t.size,
      price: t.entryPrice,
      commission: 1,
      placed: t.entryDate,
      date: t.entryDate,
    },
    {
      orderId: 2 * k + 1,
      ticker: t.ticker,
      side: "sell",
      size: t.size,
      price: t.exitPrice,
      commission: 1,
      placed: t.exitDate,
      date: t.exitDate,
      reason: "rebalance",
    },
  ]);
}

function _holdings(
  tickers: readonly string[],
  buckets: readonly string[],
  total: number,
  random: Random,
): Holding[] {
  const chosen = tickers.slice(0, Math.min(tickers.length, 60));
  const raw = chosen.map(() => 0.2 + random.next());
  const sum = raw.reduce((a, b) => a + b, 0);
  return chosen.map((ticker, i) => {
    const weight = ((raw[i] ?? 0) / sum) * 0.96, price = 20 + random.next() * 180;
    const value = weight * total;
    return {
      ticker,
      shares: value / price,
      price,
      value,
      weight,
      buckets: [buckets[i % buckets.length] ?? ""],
    };
  });
}

function _allocation(
  dates: readonly string[],
  rebalances: readonly number[],
  regime: readonly RegimeName[],
  buckets: readonly string[],
): Allocation {
  const byBucket: Record<string, number[]> = Object.fromEntries(buckets.map((b) => [b, []]));
  for (const i of rebalances) {
    const tilt = REGIMES.indexOf(regime[i] ?? "Goldilocks");
    const raw = buckets.map((_, k) =>
      1 + ((k + tilt) % buckets.length === 0 ? 3 : 0) + (k % 3) * 0.5
    );
    const sum = raw.reduce((a, b) => a + b, 0);
    buckets.forEach((b, k) => byBucket[b]?.push(((raw[k] ?? 0) / sum) * 0.9));
  }
  return { dates: rebalances.map((i) => dates[i] ?? ""), byBucket };
}

function _protection(
  dates: readonly string[],
  rebalances: readonly number[],
  rules: readonly string[],
  random: Random,
): ProtectionActivity {
  const verdicts: ProtectionActivity["verdicts"][number][] = [];
  const totals = { decisions: 0, approved: 0, blocked: 0, overrides: 0, decays: 0 };
  const blocksByRule: Record<string, number> = {};
  for (const i of rebalances) {
    for (const rule of rules) {
      for (const outcome of OUTCOMES) {
        const count = outcome === "approved" ? random.int(2, 12) : random.int(0, 2);
        if (count === 0) continue;
        verdicts.push({ date: dates[i] ?? "", rule, outcome, count });
        totals.decisions += count;
        if (outcome === "approved") totals.approved += count;
        if (outcome === "blocked") {
          totals.blocked += count;
          blocksByRule[rule] = (blocksByRule[rule] ?? 0) + count;
        }
        if (outcome === "overridden") totals.overrides += count;
        if (outcome === "modified") totals.decays += count;
      }
    }
  }
  return { verdicts, totals, blocksByRule };
}

/** SPY held, and a 60/40 mix of it and a steady bond line, with their metrics. */
function _benchmarks(dates: readonly string[], spy: readonly number[]): BenchmarkRun[] {
  const first = spy[0] ?? 1;
  const mix = spy.map((v, i) => (spy[0] ?? 0) * (0.6 * v / first + 0.4 * (1 + 0.0001 * i)));
  return [
    { name: "SPY", weights: { SPY: 1 }, rebalance: "never", value: spy },
    { name: "60/40:SPY,TLT", weights: { SPY: 0.6, TLT: 0.4 }, rebalance: "monthly", value: mix },
  ].map((b) => ({
    ...b,
    rebalance: b.rebalance as BenchmarkRun["rebalance"],
    metrics: computeMetrics({ curve: { dates, value: b.value } }),
  }));
}

/**
 * A run result with the given equity (and optional benchmark) and nothing
 * else: no trades, holdings or sections; metrics computed from the values.
 */
export function resultWithEquity(
  dates: readonly string[],
  value: readonly number[],
  benchmark: readonly (number | null)[] | null = null,
): RunResult {
  const full = benchmark !== null && benchmark.every((v) => v !== null);
  const base = syntheticRunResult({ assets: 1, days: 2, sections: false });
  return {
    ...base,
    period: { start: dates[0] ?? "", end: dates[dates.length - 1] ?? "", days: dates.length },
    initialCash: value[0] ?? 0,
    finalValue: value[value.length - 1] ?? 0,
    equity: {
      dates,
      value,
      cash: value.map(() => 0),
      exposure: value.map(() => 1),
      turnover: value.map(() => 0),
    },
    benchmarks: benchmark === null ? [] : [{
      name: "SPY",
      weights: { SPY: 1 },
      rebalance: "never",
      value: benchmark,
      metrics: full
        ? computeMetrics({ curve: { dates, value: benchmark.map((v) => v ?? NaN) } })
        : null,
    }],
    benchmarkNotes: [],
    metrics: computeMetrics({
      curve: { dates, value },
      ...(full ? { benchmark: benchmark.map((v) => v ?? NaN) } : {}),
    }),
    trades: [],
    fills: [],
    orderNotes: [],
    wholeShareCash: null,
    holdings: [],
  };
}
