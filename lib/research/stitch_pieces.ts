/**
 * The out-of-sample pieces of a walk-forward, checked and chained: each
 * piece's run result is scaled so that it starts from the previous piece's
 * ending value.
 *
 * Design decision: a piece is run like any backtest, from cash on its first
 * day, with whatever starting cash the runner gave it. Scaling every money
 * figure of piece k by `s_k = (ending value of piece k-1) / (initial cash of
 * piece k)` (s_0 = 1) keeps its daily returns exactly and chains the pieces:
 * the first stitched return of piece k is its first value over its starting
 * cash, minus one. A runner that passes the previous ending value as cash gets
 * s_k = 1 and fills and trades as they were executed; one that runs pieces in
 * parallel from the same cash gets share counts scaled by s_k (possibly
 * fractional), exact for the curve. Positions open at the end of a piece are
 * valued at its last close: the next piece starts in cash, as a switch of
 * configuration would.
 *
 * @module
 */

import type { RunResult } from "../engine/run_result.ts";
import type { WalkForwardWindow } from "./walk_forward_windows.ts";

/**
 * One out-of-sample run: the window it ran on and its result.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { type OutOfSamplePiece, parseWindowDuration, walkForwardWindows } from "./mod.ts";
 * import { syntheticRunResult } from "../report/testdata/synthetic_run_result.ts";
 *
 * const calendar = ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"];
 * const d = (text: string) => parseWindowDuration(text, "example");
 * const [window] = walkForwardWindows(calendar, { train: d("2d"), test: d("2d") });
 * assert.ok(window !== undefined);
 * const piece: OutOfSamplePiece = {
 *   window,
 *   result: syntheticRunResult({ assets: 3, days: window.test.days, start: window.test.start }),
 * };
 * assert.deepEqual(piece.result.equity.dates, ["2024-01-03", "2024-01-04"]);
 * ```
 */
export type OutOfSamplePiece = {
  readonly window: WalkForwardWindow;
  readonly result: RunResult;
};

/**
 * Where a piece sits in the stitched curve and how it was scaled.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type { StitchedPiece } from "./mod.ts";
 *
 * const piece: StitchedPiece = {
 *   window: 0, from: 0, to: 251, start: "2014-01-02", end: "2014-12-31",
 *   scale: 1, startValue: 100_000, endValue: 108_000,
 * };
 * assert.equal((piece.endValue / piece.startValue - 1).toFixed(2), "0.08");
 * ```
 */
export type StitchedPiece = {
  /** The window's index. */
  readonly window: number;
  /** First and last index of the piece in the stitched curve (both inclusive). */
  readonly from: number;
  readonly to: number;
  readonly start: string;
  readonly end: string;
  /** The factor the piece's money figures were multiplied by. */
  readonly scale: number;
  /** Stitched value before the piece's first day (the previous piece's end, or the initial cash). */
  readonly startValue: number;
  /** Stitched value on the piece's last day. */
  readonly endValue: number;
};

/**
 * Checks that the pieces tile their test windows in order on the same data,
 * and computes each one's scale and place. Throws `RangeError` naming the
 * first piece that does not fit: a runner bug, not a user's mistake.
 */
export function chainPieces(pieces: readonly OutOfSamplePiece[]): StitchedPiece[] {
  const first = pieces[0];
  if (first === undefined) {
    throw new RangeError("Cannot stitch out-of-sample pieces as there must be at least one");
  }
  const out: StitchedPiece[] = [];
  let previousEnd = first.result.initialCash, from = 0;
  pieces.forEach((piece, k) => {
    _checkPiece(piece, k, pieces[k - 1], first.result.dataHash);
    const { result, window } = piece;
    const scale = previousEnd / result.initialCash;
    const days = result.equity.dates.length;
    const endValue = (result.equity.value[days - 1] ?? NaN) * scale;
    out.push({
      window: window.index,
      from,
      to: from + days - 1,
      start: window.test.start,
      end: window.test.end,
      scale,
      startValue: previousEnd,
      endValue,
    });
    previousEnd = endValue;
    from += days;
  });
  return out;
}

function _checkPiece(
  piece: OutOfSamplePiece,
  k: number,
  previous: OutOfSamplePiece | undefined,
  dataHash: string,
): void {
  const { result, window } = piece;
  const dates = result.equity.dates;
  const what = `piece ${k} (window ${window.index})`;
  if (
    dates.length !== window.test.days || dates[0] !== window.test.start ||
    dates[dates.length - 1] !== window.test.end
  ) {
    throw new RangeError(
      `Cannot stitch out-of-sample pieces as ${what} must cover its test window ${window.test.start}..${window.test.end} (${window.test.days} days): it covers ${
        dates[0]
      }..${dates[dates.length - 1]} (${dates.length} days)`,
    );
  }
  if (previous !== undefined && window.test.from !== previous.window.test.to + 1) {
    throw new RangeError(
      `Cannot stitch out-of-sample pieces as ${what} must start the day after the previous piece's test window: it starts at calendar index ${window.test.from}, the previous ends at ${previous.window.test.to}`,
    );
  }
  if (result.dataHash !== dataHash) {
    throw new RangeError(
      `Cannot stitch out-of-sample pieces as ${what} ran on other data: data hash ${result.dataHash}, the first piece's ${dataHash}`,
    );
  }
  if (!(result.initialCash > 0)) {
    throw new RangeError(
      `Cannot stitch out-of-sample pieces as ${what} must start with cash above 0: current value is ${result.initialCash}`,
    );
  }
}
