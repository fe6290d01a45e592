/**
 * Market proxies resolved against a calendar of prices: which ticker stands
 * for each member, the proxy's log-price spread, and its bars on the daily or
 * weekly timeframe.
 *
 * @module
 */
import { InputError } from "../errors.ts";
import type { ProxyComponent, ProxyLeg, RegimeOptions } from "./regime_options.ts";

/** Adjusted closes by ticker on one calendar: where the signals read prices. */
export type PriceColumns = {
  /** Day numbers of the calendar (days since 1970-01-01). */
  readonly days: Int32Array;
  /** The adjusted closes of `ticker` over the calendar (NaN where no bar), or undefined when absent. */
  readonly column: (ticker: string) => Float64Array | undefined;
};

/** A proxy with each member resolved to the ticker used and its defaults filled in. */
export type ResolvedProxy = {
  readonly name: string;
  /** The axis the proxy reads. */
  readonly axis: "growth" | "inflation";
  readonly measure: "trend" | "volatility";
  readonly long: readonly string[];
  readonly short: readonly string[];
  readonly weight: number;
  readonly windowsDays: readonly number[];
  readonly windowsWeeks: readonly number[];
};

/**
 * The proxies of one axis that can be formed from `prices`: each member takes its first
 * alternative present; a proxy with a member lacking every alternative is left out.
 * Throws an {@link InputError} when no proxy of the axis can be formed.
 */
export function resolveProxies(
  axis: "growth" | "inflation",
  prices: PriceColumns,
  options: RegimeOptions,
): ResolvedProxy[] {
  const components: readonly ProxyComponent[] = options[axis];
  const pick = (leg: ProxyLeg) => {
    const chosen = leg.map((alternatives) => alternatives.find((t) => prices.column(t)));
    return chosen.every((t) => t !== undefined) ? chosen as string[] : undefined;
  };
  const resolved = components.flatMap((c) => {
    const long = pick(c.long), short = c.short === undefined ? [] : pick(c.short);
    return long && short
      ? [{
        name: c.name,
        axis,
        measure: c.measure ?? "trend",
        long,
        short,
        weight: c.weight ?? 1,
        windowsDays: c.windowsDays ?? options.windowsDays,
        windowsWeeks: c.windowsWeeks ?? options.windowsWeeks,
      }]
      : [];
  });
  if (resolved.length === 0) {
    const needed = components.map((c) =>
      [c.long, c.short ?? []].flat().map((alts) => alts.join("|")).join(", ")
    );
    throw new InputError(
      `regime detection: no ${axis} proxy can be formed from the Panel's tickers (needs one of: ${
        needed.join("; ")
      })`,
    );
  }
  return resolved;
}

/**
 * Log-price spread of a proxy by day: the mean log price of the long leg minus that of
 * the short leg. A member's missing day carries its last price; NaN until every member
 * has had a price.
 */
export function proxySpread(proxy: ResolvedProxy, prices: PriceColumns): Float64Array {
  const n = prices.days.length;
  const members = [...proxy.long, ...proxy.short].map((t) => prices.column(t) as Float64Array);
  const sign = members.map((_, k) =>
    k < proxy.long.length ? 1 / proxy.long.length : -1 / proxy.short.length
  );
  const last = new Float64Array(members.length).fill(NaN);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let level = 0;
    for (let k = 0; k < members.length; k++) {
      const price = (members[k] as Float64Array)[i] as number;
      if (price > 0) last[k] = Math.log(price);
      level += (sign[k] as number) * (last[k] as number);
    }
    out[i] = level;
  }
  return out;
}

/** Week number of each day (weeks start on Monday), to cut daily values into weekly bars. */
export function weekNumbers(days: Int32Array): Int32Array {
  // Day 0 (1970-01-01) was a Thursday, so day + 3 counts from the Monday before it.
  return Int32Array.from(days, (d) => Math.floor((d + 3) / 7));
}

/**
 * Walks the bars of a daily series: daily bars (`week` null) complete every day; weekly
 * bars complete on the last day of each week, which is known on the first day of the next.
 * For each day, `visit(i, completed)` gets the value of the bar completed that day (NaN
 * when none completes). Keeps a causal order: day i sees only days <= i.
 */
export function forEachBar(
  level: Float64Array,
  week: Int32Array | null,
  visit: (i: number, completed: number) => void,
): void {
  for (let i = 0; i < level.length; i++) {
    if (week === null) visit(i, level[i] as number);
    else visit(i, i > 0 && week[i] !== week[i - 1] ? level[i - 1] as number : NaN);
  }
}

/** Exponentially weighted variance of one-bar changes (zero mean), updated bar by bar. */
export class RunningVariance {
  readonly #decay: number;
  #variance = 0;
  #count = 0;

  constructor(halfLifeBars: number) {
    this.#decay = Math.pow(0.5, 1 / halfLifeBars);
  }

  /** Adds one change. */
  add(change: number): void {
    const sq = change * change;
    this.#variance = this.#count === 0 ? sq : this.#decay * this.#variance + (1 - this.#decay) * sq;
    this.#count++;
  }

  /** The variance, or NaN before `minimumChanges` changes (or while it is zero). */
  value(minimumChanges: number): number {
    return this.#count >= minimumChanges && this.#variance > 0 ? this.#variance : NaN;
  }
}
