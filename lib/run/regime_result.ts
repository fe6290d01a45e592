/**
 * The regime-aware parts of a run's result: the regime path with its
 * transitions, allocation by bucket over time, protection activity, and where
 * the un-invested weight went.
 *
 * @module
 */
import type { Panel } from "../data/panel.ts";
import type { RebalanceRecord } from "../engine/regime_aware.ts";
import type { Allocation, ProtectionActivity, RegimePath } from "../engine/run_result.ts";
import type { RegimeProvider } from "../market/regime_provider.ts";
import type { ProtectionMetrics, Verdict } from "../protection/verdict.ts";
import { type CashSummary, summarizeCash } from "../portfolio/cash_causes.ts";

/** The regime of every day of the run (days still warming up are left out) and its transitions. */
export function regimePath(
  provider: RegimeProvider,
  panel: Panel,
  start: string,
  end: string,
): RegimePath {
  const from = panel.indexOnOrAfter(start), to = panel.indexOnOrBefore(end);
  const dates: string[] = [],
    regime: RegimePath["regime"][number][] = [],
    confidence: number[] = [];
  const transitions: RegimePath["transitions"][number][] = [];
  for (let t = from; t <= to; t++) {
    const c = provider.atIndex(t);
    if (c.regime === null) continue;
    dates.push(c.date);
    regime.push(c.regime);
    confidence.push(Math.round(c.confidence * 1e4) / 1e4);
    const tr = c.transition;
    if (tr && tr.ageDays === 0) {
      transitions.push({ date: c.date, from: tr.from, to: tr.to, severity: tr.severity });
    }
  }
  return { dates, regime, confidence, transitions };
}

/**
 * Target weight by bucket on each rebalance or decay day. Design decision: an
 * asset in several buckets counts in its first bucket (in the bucket map's
 * order), so the stacked areas add up to the portfolio's exposure.
 */
export function allocationByBucket(
  records: readonly RebalanceRecord[],
  buckets: Readonly<Record<string, readonly string[]>>,
): Allocation {
  const primary = new Map<string, string>();
  for (const [name, tickers] of Object.entries(buckets)) {
    for (const t of tickers) if (!primary.has(t)) primary.set(t, name);
  }
  const withTargets = records.filter((r) => r.targets !== null);
  const names = new Set<string>();
  for (const r of withTargets) {
    for (const ticker of Object.keys(r.targets ?? {})) names.add(primary.get(ticker) ?? "Other");
  }
  const byBucket: Record<string, number[]> = {};
  for (const name of [...names].sort()) byBucket[name] = [];
  for (const r of withTargets) {
    const sums = new Map<string, number>();
    for (const [ticker, w] of Object.entries(r.targets ?? {})) {
      const b = primary.get(ticker) ?? "Other";
      sums.set(b, (sums.get(b) ?? 0) + w);
    }
    for (const name of Object.keys(byBucket)) {
      (byBucket[name] as number[]).push(Math.round((sums.get(name) ?? 0) * 1e6) / 1e6);
    }
  }
  return { dates: withTargets.map((r) => r.date), byBucket };
}

/** Counts protection verdicts by day, rule and outcome as they happen. */
export class ProtectionTally {
  readonly #counts = new Map<string, number>();

  /** Counts one verdict. */
  add(v: Verdict): void {
    const outcome = v.overriddenBy !== undefined
      ? "overridden"
      : v.modification !== undefined
      ? "modified"
      : v.approved
      ? "approved"
      : "blocked";
    const key = `${v.date}\u0000${v.rule}\u0000${outcome}`;
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
  }

  /** The activity section of the result, with the orchestrator's totals. */
  activity(metrics: ProtectionMetrics): ProtectionActivity {
    const verdicts = [...this.#counts].map(([key, count]) => {
      const [date = "", rule = "", outcome = "approved"] = key.split("\u0000");
      return {
        date,
        rule,
        outcome: outcome as ProtectionActivity["verdicts"][number]["outcome"],
        count,
      };
    });
    return {
      verdicts,
      totals: {
        decisions: metrics.decisions,
        approved: metrics.approved,
        blocked: metrics.blocked,
        overrides: metrics.overridesUsed,
        decays: metrics.decays,
      },
      blocksByRule: { ...metrics.blocksByRule },
    };
  }
}

/** The cash attribution of every full rebalance, averaged overall and by regime. */
export function cashOfRecords(records: readonly RebalanceRecord[]): CashSummary {
  return summarizeCash(
    records.flatMap((r) =>
      r.cash === undefined ? [] : [{ ...r.cash, date: r.date, regime: r.regime }]
    ),
  );
}
