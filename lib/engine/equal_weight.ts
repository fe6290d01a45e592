/**
 * The built-in `equal-weight` strategy: every asset with a bar on a rebalance
 * day gets the same target weight, 1 / (number of such assets).
 *
 * Rebalance days are the first trading day (of the Panel's calendar, within
 * the run) of each month, ISO week (Monday to Sunday) or day, per
 * `frequency`. The decision is taken at that day's close, on that day's
 * closes, and fills at the next bar's open (or at that close with
 * `fill: "close"`). The first day of the run is always a rebalance day.
 *
 * @module
 */
import { monthIndexOfDay } from "./civil_day.ts";
import { defineStrategy, type StrategyDefinition } from "./define_strategy.ts";
import type { DayContext, Decision, Strategy } from "./strategy.ts";
import type { JsonValue } from "../protection/rule.ts";

/** How often `equal-weight` rebalances. */
export type Frequency = "daily" | "weekly" | "monthly";

/** The period a day number falls in: months, Monday-based weeks or days. */
export function periodOfDay(day: number, frequency: Frequency): number {
  switch (frequency) {
    case "daily":
      return day;
    case "weekly":
      // 1970-01-01 was a Thursday: shifting by 3 makes weeks start on Mondays.
      return Math.floor((day + 3) / 7);
    case "monthly":
      return monthIndexOfDay(day);
  }
}

class _EqualWeight implements Strategy {
  readonly name = "equal-weight";
  readonly #frequency: Frequency;
  #lastPeriod = NaN;
  /** The last targets (frozen) and the tradable assets they were built for. */
  #last: {
    readonly assets: readonly number[];
    readonly targets: Readonly<Record<string, number>>;
  } = { assets: [], targets: Object.freeze({}) };

  constructor(frequency: Frequency) {
    this.#frequency = frequency;
  }

  /** The last rebalance period: a plan's next day rebalances only in a new one. */
  saveState(): JsonValue {
    return Number.isNaN(this.#lastPeriod) ? null : this.#lastPeriod;
  }

  restoreState(state: JsonValue): void {
    this.#lastPeriod = typeof state === "number" ? state : NaN;
  }

  onDay(ctx: DayContext): Decision | undefined {
    const period = periodOfDay(ctx.view.day, this.#frequency);
    if (period === this.#lastPeriod) return undefined;
    this.#lastPeriod = period;
    const tickers = ctx.view.tickers;
    const assets: number[] = [];
    for (let a = 0; a < tickers.length; a++) if (ctx.view.tradable(a)) assets.push(a);
    // The same tradable assets give the same targets: hand out the same frozen
    // object (500 assets rebalanced monthly would otherwise rebuild it 240 times).
    if (!_sameList(assets, this.#last.assets)) {
      const targets: Record<string, number> = {};
      for (const a of assets) targets[tickers[a] as string] = 1 / assets.length;
      this.#last = { assets, targets: Object.freeze(targets) };
    }
    return { targets: this.#last.targets };
  }
}

function _sameList(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The params of `equal-weight`. */
export const EQUAL_WEIGHT_PARAMS = {
  frequency: {
    type: "choice",
    choices: ["daily", "weekly", "monthly"],
    default: "monthly",
    description: "Rebalance on the first trading day of each day, week or month",
  },
} as const;

/** `equal-weight`: param `frequency` (daily | weekly | monthly, default monthly). */
export const equalWeight: StrategyDefinition<typeof EQUAL_WEIGHT_PARAMS> = defineStrategy({
  name: "equal-weight",
  description: "Equal target weights across every tradable asset, rebalanced each period",
  params: EQUAL_WEIGHT_PARAMS,
  create: (p) => new _EqualWeight(p.frequency),
});
