/**
 * Whipsaw protection: at most `maxCycles` open-close cycles of one asset per
 * `windowDays`, and no close of a position held under `minPositionHours`. The
 * cycle history lives in the shared state (every close appends one cycle).
 *
 * Design decision: a cycle counts in the window of day t when it closed in
 * (t - windowDays, t]. With the defaults (1 per 14 days) a position closed on
 * day c may reopen from day c + 14. Hours held come from epoch ms when both the
 * opening fact and the request carry `timeMs`, else from days × 24, so on daily
 * bars only a same-day round trip is too short.
 *
 * @see docs/design.md#whipsaw
 * @module
 */
import { checkInteger, checkNumber } from "./check_options.ts";
import { ABSTAIN, block, type RuleOutcome } from "./outcome.ts";
import type { ProtectionRequest } from "./request.ts";
import { orNull, PRIORITY, type ProtectionRule, RULE_NAMES, type RuleContext } from "./rule.ts";
import type { AssetView } from "./state.ts";

/** Options of {@link whipsaw}. */
export type WhipsawOptions = {
  /** Complete cycles allowed per window (integer >= 1). Default 1. */
  readonly maxCycles?: number;
  /** Window length in days of the day clock (integer >= 1). Default 14. */
  readonly windowDays?: number;
  /** Minimum hours a position is held before a close (>= 0). Default 4. */
  readonly minPositionHours?: number;
};

const WHAT = "build the whipsaw rule";
const MS_PER_HOUR = 3_600_000;

/**
 * Complete cycles of the asset that closed in (t - windowDays, t].
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ProtectionState, recentCycles } from "./mod.ts";
 *
 * const state = new ProtectionState();
 * state.record({ kind: "positionOpened", asset: "TLT", t: 0, size: 1 });
 * state.record({ kind: "positionClosed", asset: "TLT", t: 3 });
 * const tlt = state.getOrCreate("TLT");
 * assert.equal(recentCycles(tlt, 16, 14), 1);
 * assert.equal(recentCycles(tlt, 17, 14), 0);
 * ```
 */
export function recentCycles(asset: AssetView, t: number, windowDays: number): number {
  const closes = asset.cycleCloseT;
  const from = t - windowDays;
  let count = 0;
  for (let i = closes.length - 1; i >= 0; i--) {
    const closeT = closes[i] ?? -Infinity;
    if (closeT <= from) break;
    if (closeT <= t) count++;
  }
  return count;
}

/**
 * The whipsaw rule (priority 5): blocks an `open` once the window holds
 * `maxCycles` cycles, and a `close` of a position younger than `minPositionHours`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createOrchestrator } from "./mod.ts";
 *
 * const protection = createOrchestrator();
 * protection.record({ kind: "positionOpened", asset: "TLT", t: 0, size: 0.1 });
 * protection.record({ kind: "positionClosed", asset: "TLT", t: 3 });
 * const open = (t: number) => protection.canExecute({ asset: "TLT", action: "open", t, date: "" });
 * assert.equal(open(16).rule, "whipsaw");
 * assert.equal(open(17).approved, true);
 * ```
 */
export function whipsaw(options: WhipsawOptions = {}): ProtectionRule {
  const maxCycles = checkInteger(WHAT, "maxCycles", options.maxCycles ?? 1, 1);
  const windowDays = checkInteger(WHAT, "windowDays", options.windowDays ?? 14, 1);
  const minHours = checkNumber(
    WHAT,
    "minPositionHours",
    options.minPositionHours ?? 4,
    0,
    Number.MAX_VALUE,
  );
  const cycleLimit = block(`whipsaw: ${maxCycles} cycle(s) in the last ${windowDays} days`);
  const tooShort = block(`whipsaw: position held under ${minHours} hours`);

  const evaluate = (request: ProtectionRequest, context: RuleContext): RuleOutcome => {
    const asset = context.asset;
    if (request.action === "open") {
      return recentCycles(asset, request.t, windowDays) >= maxCycles ? cycleLimit : ABSTAIN;
    }
    if (request.action === "close" && asset.open) {
      return _hoursHeld(asset, request) < minHours ? tooShort : ABSTAIN;
    }
    return ABSTAIN;
  };

  return {
    name: RULE_NAMES.whipsaw,
    priority: PRIORITY.whipsaw,
    evaluate,
    status: (context, t) => {
      const asset = context.asset;
      const cycles = recentCycles(asset, t, windowDays);
      const last = asset.cycleCloseT.length - 1;
      return {
        enabled: true,
        cyclesRecent: cycles,
        maxCycles,
        windowDays,
        canOpen: cycles < maxCycles,
        cyclesTotal: asset.cycleCloseT.length,
        lastCycle: last < 0 ? null : {
          openT: orNull(asset.cycleOpenT[last] ?? NaN),
          closeT: orNull(asset.cycleCloseT[last] ?? NaN),
        },
      };
    },
  };
}

function _hoursHeld(asset: AssetView, request: ProtectionRequest): number {
  const timeMs = request.timeMs;
  if (timeMs !== undefined && !Number.isNaN(asset.entryMs)) {
    return (timeMs - asset.entryMs) / MS_PER_HOUR;
  }
  return (request.t - asset.entryT) * 24;
}
