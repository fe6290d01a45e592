/**
 * The short text summary a run prints: period, values, the main metrics
 * beside each benchmark's, trading activity.
 *
 * @module
 */
import type { Metrics } from "../analytics/metrics.ts";
import type { RunResult } from "../engine/run_result.ts";
import { moneyText } from "./money_text.ts";
import { cashLines } from "./cash_text.ts";

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? "—" : `${(x * 100).toFixed(2)}%`;
const num = (x: number | null | undefined, d = 2) =>
  x === null || x === undefined ? "—" : x.toFixed(d);
const money = moneyText;

/** Lines of the summary: the run, its regimes and protection, and its metrics beside each benchmark's. */
export function summaryLines(result: RunResult): string[] {
  const m = result.metrics;
  const b = m.benchmark;
  const columns = [m, ...result.benchmarks.map((x) => x.metrics)];
  const each = (f: (c: Metrics) => string) => columns.map((c) => (c === null ? "—" : f(c)));
  const alone = (value: string) => [value, ...result.benchmarks.map(() => "")];
  const versus = result.benchmarks[0] ? ` (vs ${result.benchmarks[0].name})` : "";
  const rows: [string, string[]][] = [
    ["Total return", each((c) => pct(c.totalReturn))],
    ["CAGR", each((c) => pct(c.cagr))],
    ["Annual volatility", each((c) => pct(c.annualVolatility))],
    ["Sharpe", each((c) => num(c.sharpe))],
    ["Sortino", each((c) => num(c.sortino))],
    ["Calmar", each((c) => num(c.calmar))],
    ["Max drawdown", each((c) => pct(c.maxDrawdown.depth))],
    ["Exposure (average)", each((c) => pct(c.exposure))],
    ["Turnover (annual)", each((c) => num(c.turnover))],
    ["Trades", each((c) => String(c.trades.count))],
    [`Beta${versus}`, alone(num(b?.beta))],
    [`Alpha (annual)${versus}`, alone(pct(b?.alpha))],
    [`Information ratio${versus}`, alone(num(b?.informationRatio))],
    ["Win rate", alone(pct(m.trades.winRate))],
    ["Profit factor", alone(num(m.trades.profitFactor))],
    ["SQN", alone(num(m.trades.sqn))],
  ];
  const names = ["strategy", ...result.benchmarks.map((x) => x.name)];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const widths = names.map((name, k) =>
    Math.max(8, name.length, ...rows.map((r) => (r[1][k] ?? "").length))
  );
  const line = (label: string, cells: readonly string[]) =>
    `${label.padEnd(w0)}  ${cells.map((c, k) => c.padStart(widths[k] ?? 8)).join("  ")}`.trimEnd();
  const trimmed = result.orderNotes.filter((n) => n.outcome === "trimmed").length;
  const rejected = result.orderNotes.filter((n) => n.outcome === "rejected").length;
  return [
    `${result.strategy}: ${result.period.start} to ${result.period.end} (${result.period.days} days)`,
    ...regimeLines(result),
    ...protectionLines(result),
    ...cashLines(result.cash, result.unbucketed),
    `value ${money(result.initialCash)} -> ${money(result.finalValue)}, cash ${
      money(result.finalCash)
    }`,
    ...wholeShareLines(result),
    "",
    line("", names),
    ...rows.map(([label, cells]) => line(label, cells)),
    ...(result.benchmarks.length > 0
      ? ["benchmarks: run through the same broker, costs and cash as the strategy"]
      : []),
    ...result.benchmarkNotes,
    "",
    `fills ${result.fills.length}, orders trimmed ${trimmed}, rejected ${rejected}`,
    `config ${result.configHash.slice(0, 12)}  data ${
      result.dataHash.slice(0, 12)
    }  code ${result.codeVersion}`,
  ];
}

/** The regime path in one line per regime, and the transitions by severity. */
export function regimeLines(result: RunResult): string[] {
  const r = result.regimes;
  if (r === null || r.regime.length === 0) return [];
  const days = new Map<string, number>();
  for (const name of r.regime) days.set(name, (days.get(name) ?? 0) + 1);
  const share = [...days].sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name} ${(100 * n / r.regime.length).toFixed(0)}%`).join(", ");
  const severity = { minor: 0, major: 0, critical: 0 };
  for (const t of r.transitions) severity[t.severity]++;
  const last = r.transitions.slice(-3).map((t) => `${t.date} ${t.from}->${t.to} (${t.severity})`);
  return [
    `regimes: ${share}; ${r.transitions.length} transitions (${severity.minor} minor, ${severity.major} major, ${severity.critical} critical)`,
    ...(last.length > 0 ? [`latest: ${last.join("; ")}`] : []),
  ];
}

/** Protection decisions, blocks by rule, overrides and decays. */
export function protectionLines(result: RunResult): string[] {
  const p = result.protection;
  if (p === null) return [];
  const t = p.totals;
  const blocks = Object.entries(p.blocksByRule).sort((a, b) => b[1] - a[1])
    .map(([rule, n]) => `${rule} ${n}`).join(", ");
  const rate = t.decisions > 0 ? `${(100 * t.approved / t.decisions).toFixed(1)}%` : "—";
  return [
    `protection: ${t.decisions} decisions, ${rate} approved, ${t.blocked} blocked (${
      blocks || "none"
    }), ${t.overrides} overrides, ${t.decays} grace decays`,
  ];
}

/** Above this share of the value (at the last rebalance or on average), the summary says how to invest it. */
export const LARGE_WHOLE_SHARE_CASH = 0.01;

/**
 * What rounding target weights to whole shares left uninvested, and when it
 * is large (see {@link LARGE_WHOLE_SHARE_CASH}) how to invest it. Nothing
 * with fractional shares or without target-weight rebalances.
 */
export function wholeShareLines(result: RunResult): string[] {
  const w = result.wholeShareCash;
  const broker = (result.config as { broker?: { fractional?: unknown; rounding?: unknown } })
    ?.broker;
  if (w === null || broker?.fractional === true) return [];
  // Below zero, rounding up invested a little more than the targets: nothing left uninvested.
  const left = (x: number) => Math.max(0, x);
  const lines = [
    `whole shares left ${money(left(w.last))} uninvested at the last rebalance (${
      pct(left(w.lastShare))
    } of value; ${pct(left(w.averageShare))} on average over ${w.rebalances} rebalance${
      w.rebalances === 1 ? "" : "s"
    })`,
  ];
  if (Math.max(w.lastShare, w.averageShare) >= LARGE_WHOLE_SHARE_CASH) {
    const rule = broker?.rounding === "down" ? ", --broker-rounding nearest" : "";
    lines.push(
      `hint: to invest it, try --broker-fractional${rule}, more cash (--cash) or fewer assets (--tickers)`,
    );
  }
  return lines;
}
