/**
 * Holding period: no close before a minimum time held, `holdingDays` on the day
 * clock, or `holdingHours` of epoch time for intraday bars.
 *
 * Only `close` is held back: adjusting or decaying a young position stays
 * allowed (the grace period, above this rule, shrinks positions on purpose).
 *
 * @see docs/design.md#holding-period
 * @module
 */
import { checkInteger, checkNumber } from "./check_options.ts";
import { ABSTAIN, block, type RuleOutcome } from "./outcome.ts";
import type { ProtectionRequest } from "./request.ts";
import { orNull, PRIORITY, type ProtectionRule, RULE_NAMES, type RuleContext } from "./rule.ts";

/** Options of {@link holdingPeriod}. */
export type HoldingPeriodOptions = {
  /** Minimum days held before a close (integer >= 0). Default 3. */
  readonly holdingDays?: number;
  /**
   * Minimum hours held, measured in epoch ms, in place of `holdingDays` (for
   * intraday bars). Requests and opening facts must then carry `timeMs`.
   */
  readonly holdingHours?: number;
};

const WHAT = "build the holding period rule";
const MS_PER_HOUR = 3_600_000;

/**
 * The holding period rule (priority 4): blocks the close of a position held for
 * less than the minimum. Day t - entry t counts the days held, so with the
 * default 3 a position opened on day 10 may close from day 13.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createOrchestrator } from "./mod.ts";
 *
 * const protection = createOrchestrator();
 * protection.record({ kind: "positionOpened", asset: "GLD", t: 10, size: 0.05 });
 * const close = (t: number) => protection.canExecute({ asset: "GLD", action: "close", t, date: "" });
 * assert.equal(close(12).approved, false);
 * assert.equal(close(13).approved, true);
 * ```
 */
export function holdingPeriod(options: HoldingPeriodOptions = {}): ProtectionRule {
  const hours = options.holdingHours;
  const days = checkInteger(WHAT, "holdingDays", options.holdingDays ?? 3, 0);
  if (hours !== undefined) checkNumber(WHAT, "holdingHours", hours, 0, Number.MAX_VALUE);
  const minimumMs = (hours ?? 0) * MS_PER_HOUR;
  const tooYoung = block(
    hours === undefined
      ? `minimum holding period not reached (${days} days)`
      : `minimum holding period not reached (${hours} hours)`,
  );

  const evaluate = (request: ProtectionRequest, context: RuleContext): RuleOutcome => {
    const asset = context.asset;
    if (request.action !== "close" || !asset.open) return ABSTAIN;
    if (hours === undefined) return request.t - asset.entryT < days ? tooYoung : ABSTAIN;
    const timeMs = request.timeMs;
    if (timeMs === undefined || Number.isNaN(asset.entryMs)) {
      throw new TypeError(
        `Cannot judge the holding period of ${asset.asset} in hours as the request and the opening fact must carry timeMs: current values are ${timeMs} and ${asset.entryMs}`,
      );
    }
    return timeMs - asset.entryMs < minimumMs ? tooYoung : ABSTAIN;
  };

  return {
    name: RULE_NAMES.holding,
    priority: PRIORITY.holding,
    evaluate,
    status: (context, t) => {
      const asset = context.asset;
      const daysHeld = asset.open ? t - asset.entryT : null;
      return {
        enabled: true,
        open: asset.open,
        entryT: orNull(asset.entryT),
        daysHeld,
        holdingDays: days,
        holdingHours: hours ?? null,
      };
    },
  };
}
