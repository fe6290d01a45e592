/**
 * Corporate actions: cash dividends and splits, one record per ticker and ex-date,
 * as Alpha Vantage and the shared `actions/` files write them (`Date,Dividend,Split`,
 * dividend 0 and split 1 on a day with only the other event).
 *
 * @module
 */
import { formatIsoDay } from "./dates.ts";
import { ProblemList } from "./validate.ts";

/** A dividend and/or split of one ticker on one ex-date. */
export type CorporateAction = {
  readonly ticker: string;
  /** Ex-date as a day number (days since 1970-01-01). */
  readonly day: number;
  /** Cash per share on that day's share basis; 0 when there is only a split. */
  readonly dividend: number;
  /** New shares per old share (2 = 2-for-1, 0.125 = 1-for-8 reverse); 1 when there is only a dividend. */
  readonly split: number;
};

/** Where actions came from, for messages; `lineOf` gives the file line of each record. */
export type ActionsOrigin = {
  readonly source: string;
  readonly lineOf?: ArrayLike<number>;
};

/**
 * Every problem of `actions` into `problems`: dividend finite and >= 0, split
 * finite and > 0, one record per ticker and day.
 */
export function collectActionProblems(
  actions: readonly CorporateAction[],
  origin: ActionsOrigin,
  problems: ProblemList,
): void {
  const seen = new Set<string>();
  actions.forEach((a, i) => {
    const line = origin.lineOf?.[i];
    const where = line === undefined ? `row ${i + 1}` : `line ${line}`;
    const place = `${origin.source} ${where} (${a.ticker} ${formatIsoDay(a.day)})`;
    if (!Number.isInteger(a.day)) problems.add(`${place}: day ${a.day} is not a day number`);
    if (!(Number.isFinite(a.dividend) && a.dividend >= 0)) {
      problems.add(`${place}: dividend ${a.dividend} is not a number >= 0`);
    }
    if (!(Number.isFinite(a.split) && a.split > 0)) {
      problems.add(`${place}: split ${a.split} is not a positive number`);
    }
    const key = `${a.ticker}\u0000${a.day}`;
    if (seen.has(key)) problems.add(`${place}: a second record for the same ticker and day`);
    seen.add(key);
  });
}

/** Throws an {@link InputError} listing every problem of `actions`; returns them when valid. */
export function checkActions(
  actions: readonly CorporateAction[],
  origin: ActionsOrigin,
): readonly CorporateAction[] {
  const problems = new ProblemList();
  collectActionProblems(actions, origin, problems);
  problems.throwIfAny();
  return actions;
}

/** Orders actions by ticker, then day (the order the store and summaries use). */
export function sortActions(actions: readonly CorporateAction[]): CorporateAction[] {
  return [...actions].sort((a, b) =>
    a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : a.day - b.day
  );
}

/** Splits (records with split != 1) by ticker, in the shape `Panel.fromSeries` takes. */
export function splitsByTicker(
  actions: readonly CorporateAction[],
): Record<string, { date: string; ratio: number }[]> {
  const out: Record<string, { date: string; ratio: number }[]> = {};
  for (const a of sortActions(actions)) {
    if (a.split === 1) continue;
    (out[a.ticker] ??= []).push({ date: formatIsoDay(a.day), ratio: a.split });
  }
  return out;
}
