/**
 * The short text summary a run prints: period, values, the main metrics
 * against the benchmark, trading activity.
 *
 * @module
 */
import type { RunResult } from "../engine/run_result.ts";
import { moneyText } from "./money_text.ts";
import { cashLines } from "./cash_text.ts";

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? "—" : `${(x * 100).toFixed(2)}%`;
const num = (x: number | null | undefined, d = 2) =>
  x === null || x === undefined ? "—" : x.toFixed(d);
const money = moneyText;

/** Lines of the summary table. */
export function summaryLines(result: RunResult): string[] {
  const m = result.metrics;
  const b = m.benchmark;
  const rows: [string, string, string][] = [
    ["Total return", pct(m.totalReturn), pct(b?.totalReturn)],
    ["CAGR", pct(m.cagr), pct(b?.cagr)],
    ["Annual volatility", pct(m.annualVolatility), pct(b?.annualVolatility)],
    ["Sharpe", num(m.sharpe), num(b?.sharpe)],
    ["Sortino", num(m.sortino), ""],
    ["Calmar", num(m.calmar), ""],
    ["Max drawdown", pct(m.maxDrawdown.depth), pct(b?.maxDrawdown.depth)],
    ["Beta", num(b?.beta), ""],
    ["Alpha (annual)", pct(b?.alpha), ""],
    ["Information ratio", num(b?.informationRatio), ""],
    ["Trades", String(m.trades.count), ""],
    ["Win rate", pct(m.trades.winRate), ""],
    ["Profit factor", num(m.trades.profitFactor), ""],
    ["SQN", num(m.trades.sqn), ""],
    ["Turnover (annual)", num(m.turnover), ""],
    ["Exposure (average)", pct(m.exposure), ""],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(8, ...rows.map((r) => r[1].length));
  const header = `${"".padEnd(w0)}  ${"strategy".padStart(w1)}  ${
    result.benchmark ? result.benchmark.ticker : ""
  }`;
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
    "",
    header.trimEnd(),
    ...rows.map(([k, s, bm]) => `${k.padEnd(w0)}  ${s.padStart(w1)}  ${bm}`.trimEnd()),
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
