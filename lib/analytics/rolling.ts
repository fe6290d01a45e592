/**
 * Rolling volatility and rolling Sharpe ratio over a trailing window of daily
 * returns, for the report's charts. Each window uses the same definitions as
 * the whole-period metrics (`return_ratios.ts`): sample stdev x sqrt(P), and
 * `mean(r - rf) / stdev(r) x sqrt(P)`.
 *
 * @module
 */

import { type AnnualisationOptions, resolveConventions } from "./conventions.ts";
import { finiteOrNull, mean, NEGLIGIBLE_STDEV } from "./statistics.ts";
import { checkValueSeries, simpleReturns, type ValueSeries } from "./value_series.ts";

/** Default window: 126 daily returns, about six months of trading days. */
export const DEFAULT_ROLLING_WINDOW = 126;

/**
 * Options of the rolling series: the annualisation options and the window.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type { RollingOptions } from "./mod.ts";
 *
 * const options: RollingOptions = { window: 63, riskFreeRate: 0.02 };
 * assert.equal(options.window, 63);
 * ```
 */
export type RollingOptions = AnnualisationOptions & {
  /** Daily returns per window (an integer of at least 2). Default 126. */
  readonly window?: number;
};

/**
 * A rolling statistic: `values[i]` is the statistic of the window that ends on
 * `dates[i]`. Only full windows appear, so the first date is the one of the
 * `window`-th daily return (`series.dates[window]`). Null where undefined.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { type RollingSeries, rollingVolatility } from "./mod.ts";
 *
 * const rolling: RollingSeries = rollingVolatility(
 *   { dates: ["2024-01-01", "2024-01-02"], value: [100, 101] },
 * );
 * assert.deepEqual(rolling, { dates: [], values: [] }); // one return, window 126
 * ```
 */
export type RollingSeries = {
  readonly dates: readonly string[];
  readonly values: readonly (number | null)[];
};

/**
 * Annualised volatility over each trailing window of daily returns:
 * sample stdev (n - 1) x sqrt(periodsPerYear). Throws `RangeError` on a
 * malformed series or options.
 *
 * @example Window of 2 returns on 4 values
 * ```ts
 * import assert from "node:assert/strict";
 * import { rollingVolatility } from "./mod.ts";
 *
 * // returns: +10%, -10%, +10%; each window {0.1, -0.1}: mean 0, sample stdev sqrt(0.02)
 * const rolling = rollingVolatility(
 *   { dates: ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"], value: [100, 110, 99, 108.9] },
 *   { window: 2 },
 * );
 * assert.deepEqual(rolling.dates, ["2024-01-03", "2024-01-04"]);
 * for (const v of rolling.values) assert.ok(Math.abs((v ?? NaN) - Math.sqrt(0.02 * 252)) < 1e-12);
 * ```
 */
export function rollingVolatility(
  series: ValueSeries,
  options: RollingOptions = {},
): RollingSeries {
  const caller = "compute rolling volatility";
  const { periodsPerYear } = resolveConventions(options, caller);
  const scale = Math.sqrt(periodsPerYear);
  return _rolling(series, options, caller, (_mean, stdev) => finiteOrNull(stdev * scale));
}

/**
 * Sharpe ratio over each trailing window of daily returns:
 * `mean(r - rf) / stdev(r) x sqrt(periodsPerYear)` with the daily risk-free
 * rate rf; null for a window whose returns do not vary. Throws `RangeError`
 * on a malformed series or options.
 *
 * @example Window of 2 returns: a flat window gives null
 * ```ts
 * import assert from "node:assert/strict";
 * import { rollingSharpe } from "./mod.ts";
 *
 * const rolling = rollingSharpe(
 *   { dates: ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"], value: [100, 100, 100, 110] },
 *   { window: 2 },
 * );
 * // windows {0, 0} and {0, 0.1}: stdev 0, then sqrt(0.005) with mean 0.05
 * assert.equal(rolling.values[0], null);
 * assert.ok(Math.abs((rolling.values[1] ?? NaN) - 0.05 / Math.sqrt(0.005) * Math.sqrt(252)) < 1e-12);
 * ```
 */
export function rollingSharpe(series: ValueSeries, options: RollingOptions = {}): RollingSeries {
  const caller = "compute rolling Sharpe";
  const { periodsPerYear, periodRiskFree } = resolveConventions(options, caller);
  const scale = Math.sqrt(periodsPerYear);
  return _rolling(series, options, caller, (windowMean, stdev) => {
    if (!(stdev > NEGLIGIBLE_STDEV)) return null;
    return finiteOrNull((windowMean - periodRiskFree) / stdev * scale);
  });
}

function _rolling(
  series: ValueSeries,
  options: RollingOptions,
  caller: string,
  statistic: (mean: number, stdev: number) => number | null,
): RollingSeries {
  const window = options.window ?? DEFAULT_ROLLING_WINDOW;
  if (!(Number.isInteger(window) && window >= 2)) {
    throw new RangeError(
      `Cannot ${caller} as window must be an integer of at least 2: current value is ${window}`,
    );
  }
  const checked = checkValueSeries(series, caller);
  const returns = simpleReturns(checked.value);
  const values: (number | null)[] = [];
  for (let end = window; end <= returns.length; end++) {
    // Two passes per window (see statistics.ts for why not running sums).
    const windowMean = mean(returns, end - window, end);
    let squares = 0;
    for (let i = end - window; i < end; i++) {
      const d = (returns[i] ?? NaN) - windowMean;
      squares += d * d;
    }
    values.push(statistic(windowMean, Math.sqrt(squares / (window - 1))));
  }
  // Return i belongs to dates[i + 1], so the window [end - window, end) ends on dates[end].
  return { dates: checked.dates.slice(window), values };
}
