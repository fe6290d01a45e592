/**
 * The short text summary a run prints: period, values, the main metrics
 * against the benchmark, trading activity.
 *
 * @module
 */
import type { RunResult } from "../engine/run_result.ts";

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? "—" : `${(x * 100).toFixed(2)}%`;
const num = (x: number | null | undefined, d = 2) =>
  x === null || x === undefined ? "—" : x.toFixed(d);
const money = (x: number) =>
  x.toLocaleString("en-US", { maximumFractionDigits: 2, minimumFractionDigits: 2 });

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
