/**
 * The data of the protection charts: verdicts by rule over time, the
 * interventions (blocks, modifications such as grace decays, overrides) over
 * time, and blocks by rule. Verdicts are counted per month, or per day for a
 * run of a year or less.
 *
 * @module
 */

import type { ProtectionActivity } from "../engine/run_result.ts";

/** Outcomes other than approval, in the order the chart stacks them. */
export const INTERVENTIONS = ["blocked", "modified", "overridden"] as const;

/** One stacked layer: a count per period. */
export type CountLayer = { readonly name: string; readonly counts: readonly number[] };

/** The protection charts. */
export type ProtectionCharts = {
  /** Period labels: `YYYY-MM` per month or `YYYY-MM-DD` per day. */
  readonly periods: readonly string[];
  readonly period: "month" | "day";
  /** Verdicts of each rule (every outcome), rules in name order. */
  readonly byRule: readonly CountLayer[];
  /** Verdicts of each outcome other than approval (outcomes never seen left out). */
  readonly interventions: readonly CountLayer[];
  /** `[rule, blocks]`, most blocks first (rules without a block left out). */
  readonly blocksByRule: readonly (readonly [string, number])[];
};

/** The protection charts of a run's protection activity. */
export function protectionCharts(activity: ProtectionActivity): ProtectionCharts {
  const { verdicts } = activity;
  const dates = verdicts.map((v) => v.date).sort();
  const first = dates[0] ?? "", last = dates[dates.length - 1] ?? "";
  const spanDays = first === "" ? 0 : (Date.parse(last) - Date.parse(first)) / 86_400_000;
  const period = spanDays > 366 ? "month" : "day";
  const keyOf = (date: string): string => period === "month" ? date.slice(0, 7) : date;
  const periods = [...new Set(dates.map(keyOf))];
  const position = new Map(periods.map((p, i) => [p, i]));
  const rules = [...new Set(verdicts.map((v) => v.rule))].sort();
  const byRule = new Map(rules.map((r) => [r, new Array<number>(periods.length).fill(0)]));
  const byOutcome = new Map(
    INTERVENTIONS.map((o) => [o as string, new Array<number>(periods.length).fill(0)]),
  );
  for (const v of verdicts) {
    const i = position.get(keyOf(v.date)) ?? 0;
    const ruleRow = byRule.get(v.rule);
    if (ruleRow !== undefined) ruleRow[i] = (ruleRow[i] ?? 0) + v.count;
    const outcomeRow = byOutcome.get(v.outcome);
    if (outcomeRow !== undefined) outcomeRow[i] = (outcomeRow[i] ?? 0) + v.count;
  }
  const blocksByRule = Object.entries(activity.blocksByRule)
    .filter(([, blocks]) => blocks > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return {
    periods,
    period,
    byRule: rules.map((name) => ({ name, counts: byRule.get(name) ?? [] })),
    interventions: INTERVENTIONS
      .map((name) => ({ name, counts: byOutcome.get(name) ?? [] }))
      .filter((layer) => layer.counts.some((c) => c > 0)),
    blocksByRule,
  };
}
