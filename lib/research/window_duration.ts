/**
 * The length of a walk-forward window as a user writes it: `3y`, `18m`, `2w`
 * or `126d`.
 *
 * Design decision: `y`, `m` and `w` are calendar spans (a window of `1y`
 * starting on 2005-03-14 ends before 2006-03-14, whatever the holidays), while
 * `d` counts trading days of the calendar (`126d` is 126 sessions, the usual
 * half year of 252). Calendar spans keep windows aligned to the dates users
 * think in; trading days give windows of an exact number of observations.
 *
 * @module
 */

import { InputError } from "../errors.ts";

/** Units of a window duration: years, months, weeks (calendar) and trading days. */
export type DurationUnit = "y" | "m" | "w" | "d";

/**
 * A parsed window duration.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseWindowDuration, type WindowDuration } from "./mod.ts";
 *
 * const d: WindowDuration = parseWindowDuration("6m", "--test");
 * assert.deepEqual(d, { amount: 6, unit: "m", text: "6m" });
 * ```
 */
export type WindowDuration = {
  /** Whole number of units, at least 1. */
  readonly amount: number;
  readonly unit: DurationUnit;
  /** The text as written, for messages. */
  readonly text: string;
};

const DURATION = /^([0-9]+)\s*([ymwd])$/;
/** Limits that catch typos (`300y`) while allowing any real research window. */
const MAX_AMOUNT: Readonly<Record<DurationUnit, number>> = { y: 100, m: 1200, w: 5200, d: 25_000 };

/**
 * Parses a duration such as `3y`, `6m`, `2w` or `126d` (case-insensitive).
 * Throws an {@link InputError} naming `where` (a flag or config path) and the
 * text when it is not a whole number of 1 or more followed by a unit.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { InputError } from "../errors.ts";
 * import { parseWindowDuration } from "./mod.ts";
 *
 * assert.equal(parseWindowDuration("126d", "--train").amount, 126);
 * assert.throws(() => parseWindowDuration("3 years", "--train"), InputError, "--train");
 * ```
 */
export function parseWindowDuration(text: string, where: string): WindowDuration {
  const match = DURATION.exec(text.trim().toLowerCase());
  const amount = Number(match?.[1]);
  const unit = match?.[2] as DurationUnit | undefined;
  if (match === null || unit === undefined) {
    throw new InputError(
      `${where}: "${text}" is not a duration: expected a whole number and a unit, y (years), m (months), w (weeks) or d (trading days), like 3y, 6m or 126d`,
    );
  }
  if (!(amount >= 1 && amount <= MAX_AMOUNT[unit])) {
    throw new InputError(
      `${where}: "${text}" is out of range: the number must be from 1 to ${
        MAX_AMOUNT[unit]
      } for unit ${unit}`,
    );
  }
  return { amount, unit, text: text.trim() };
}

/** The ISO date `times` durations after (or, negative, before) `date`; calendar units only. */
export function shiftIsoDate(date: string, duration: WindowDuration, times: number): string {
  const plain = Temporal.PlainDate.from(date);
  const n = duration.amount * times;
  // Temporal clamps to the month's end: 2024-01-31 plus one month is 2024-02-29.
  switch (duration.unit) {
    case "y":
      return plain.add({ years: n }).toString();
    case "m":
      return plain.add({ months: n }).toString();
    case "w":
      return plain.add({ weeks: n }).toString();
    case "d":
      throw new RangeError(
        `Cannot shift a date by ${duration.text} as trading days need a calendar: use an index`,
      );
  }
}
