/**
 * Where a run's un-invested weight went, as text: two lines for the run
 * summary, and the table `deno task audit exposure` prints (each cause overall
 * and by regime, then the funnel).
 *
 * @module
 */
import {
  CASH_CAUSE_LABELS,
  CASH_CAUSES,
  type CashCause,
  type CashMeans,
  type CashSummary,
} from "../portfolio/cash_causes.ts";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Causes holding at least this much on average are named in the summary line. */
const NAMED = 0.005;

/** The summary's lines: invested weight and the largest causes; the tickers in no bucket. */
export function cashLines(
  cash: CashSummary | undefined,
  unbucketed: readonly string[] | undefined,
): string[] {
  const out: string[] = [];
  if (cash !== undefined && cash.rebalances > 0) {
    const causes = _largest(cash, NAMED).map((c) => `${_short(c)} ${pct(cash.causes[c])}`);
    const fallback = -cash.causes.fallback;
    out.push(
      `cash: rebalances invest ${pct(cash.invested)} on average${
        fallback >= NAMED ? ` (${pct(fallback)} of it in the fallback bucket)` : ""
      }; un-invested ${pct(cash.uninvested)}${
        causes.length > 0 ? `, kept out by: ${causes.join(", ")}` : ""
      } (deno task audit exposure)`,
    );
  }
  if (unbucketed !== undefined && unbucketed.length > 0) {
    out.push(
      `warning: ${unbucketed.length} ticker${
        unbucketed.length === 1 ? "" : "s"
      } in no bucket, never bought: ${
        unbucketed.join(", ")
      } (put them in buckets with buckets.file)`,
    );
  }
  return out;
}

/**
 * The exposure report: every cause's mean share overall and in each regime,
 * the funnel's mean counts, and how many rebalances held only cash.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cashCauses, exposureText, summarizeCash } from "../../mod.ts";
 *
 * const causes = cashCauses({ target: 0.05, trendFilter: 0.65 });
 * const funnel = {
 *   scanned: 10, held: 0, unbucketed: 1, inactiveBuckets: 5, notTrending: 2, lowConfidence: 1,
 *   trendingDown: 0, universeFull: 0, universe: 1, belowMinScore: 0, bucketFull: 0, selected: 1,
 * };
 * const summary = summarizeCash([
 *   { date: "2024-01-05", regime: "Goldilocks", invested: 0.3, uninvested: 0.7, causes, funnel },
 * ]);
 * const text = exposureText(summary).join("\n");
 * assert.match(text, /trend filter .*65\.0%/);
 * ```
 */
export function exposureText(cash: CashSummary): string[] {
  if (cash.rebalances === 0) return ["no rebalance recorded a cash attribution"];
  const regimes = Object.keys(cash.byRegime);
  const columns: [string, CashMeans][] = [
    ["all", cash],
    ...regimes.map((r) => [r, cash.byRegime[r] as CashMeans] as [string, CashMeans]),
  ];
  const rows: string[][] = [
    ["", ...columns.map(([name]) => name)],
    ["rebalances", ...columns.map(([, m]) => String(m.rebalances))],
    ["invested", ...columns.map(([, m]) => pct(m.invested))],
    ["un-invested", ...columns.map(([, m]) => pct(m.uninvested))],
    ...CASH_CAUSES.filter((c) => columns.some(([, m]) => Math.abs(m.causes[c]) >= 0.0005))
      .map((c) => [`  ${CASH_CAUSE_LABELS[c]}`, ...columns.map(([, m]) => pct(m.causes[c]))]),
    ["all cash", ...columns.map(([, m]) => String(m.allCash))],
  ];
  const widths = rows[0]?.map((_, j) => Math.max(...rows.map((r) => (r[j] ?? "").length))) ?? [];
  const table = rows.map((r) =>
    r.map((cell, j) => (j === 0 ? cell.padEnd(widths[j] ?? 0) : cell.padStart(widths[j] ?? 0)))
      .join("  ").trimEnd()
  );
  const f = cash.funnel;
  const n = (x: number | undefined) => (x ?? 0).toFixed(1);
  return [
    `${cash.rebalances} rebalances, ${cash.first} to ${cash.last}: the weight each cause left un-invested (mean of the rebalances' targets; causes add up to the un-invested weight)`,
    "",
    ...table,
    "",
    `funnel (mean per rebalance): ${n(f.scanned)} scanned, ${n(f.held)} held; left out: ${
      n(f.unbucketed)
    } in no bucket, ${n(f.inactiveBuckets)} in inactive buckets, ${
      n(f.notTrending)
    } not trending, ${n(f.lowConfidence)} below the trending confidence, ${
      n(f.trendingDown)
    } trending down, ${n(f.universeFull)} over maxAssets; universe ${n(f.universe)}, ${
      n(f.belowMinScore)
    } below the minimum score, ${n(f.bucketFull)} in full buckets, ${n(f.selected)} selected`,
  ];
}

function _largest(cash: CashMeans, at: number): CashCause[] {
  return CASH_CAUSES.filter((c) => cash.causes[c] >= at)
    .sort((a, b) => cash.causes[b] - cash.causes[a]);
}

/** A cause's label without the settings in brackets. */
function _short(cause: CashCause): string {
  return CASH_CAUSE_LABELS[cause].replace(/ \(.*\)$/, "");
}
