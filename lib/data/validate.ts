/**
 * The rules a {@link BarSeries} must keep before anything stores or trades on it,
 * checked row by row with every problem reported (zod's habit: all problems, each
 * with its place), capped so a broken file gives a readable message.
 *
 * @module
 */
import type { BarSeries } from "./bars.ts";
import { formatBarTime } from "./bar_time.ts";
import { InputError } from "../errors.ts";

/** Most problems listed before the rest are summed up as "and N more". */
export const MAX_LISTED_PROBLEMS = 20;

/** Where a series came from, for messages: a file or source name and, for files, each row's line. */
export type SeriesOrigin = {
  /** A file path or a source such as `yahoo AAPL 1d`. */
  readonly source: string;
  /** Line number in the file of each data row (index 0 = row 1), when the source is a file. */
  readonly lineOfRow?: ArrayLike<number>;
};

/** Collects problem lines, keeping the first {@link MAX_LISTED_PROBLEMS} and counting the rest. */
export class ProblemList {
  readonly #lines: string[] = [];
  #count = 0;

  /** Records one problem. */
  add(line: string): void {
    if (this.#count < MAX_LISTED_PROBLEMS) this.#lines.push(line);
    this.#count++;
  }

  /** How many problems were recorded. */
  get count(): number {
    return this.#count;
  }

  /** The listed problems plus, past the cap, one "... and N more problems" line. */
  lines(): string[] {
    const rest = this.#count - this.#lines.length;
    return rest > 0 ? [...this.#lines, `... and ${rest} more problems`] : [...this.#lines];
  }

  /** Throws an {@link InputError} with every listed problem when there is any. */
  throwIfAny(): void {
    if (this.#count > 0) throw new InputError(this.lines());
  }
}

function _place(origin: SeriesOrigin, s: BarSeries, i: number): string {
  const line = origin.lineOfRow?.[i];
  const when = formatBarTime(s.time[i] as number, s.interval);
  return line === undefined
    ? `${origin.source} row ${i + 1} (${when})`
    : `${origin.source} row ${i + 1} (line ${line}, ${when})`;
}

function _isPositive(x: number): boolean {
  return Number.isFinite(x) && x > 0;
}

/** Fast check of every rule on row `i` (no allocation); {@link _rowRules} explains a failure. */
function _rowOk(s: BarSeries, i: number): boolean {
  const t = s.time[i] as number;
  const open = s.open[i] as number, high = s.high[i] as number, low = s.low[i] as number;
  const close = s.close[i] as number, vol = s.volume[i] as number;
  return Number.isFinite(t) && (i === 0 || t > (s.time[i - 1] as number)) &&
    _isPositive(open) && _isPositive(high) && _isPositive(low) && _isPositive(close) &&
    _isPositive(s.adjClose[i] as number) && high >= open && high >= close && low <= open &&
    low <= close && Number.isFinite(vol) && vol >= 0;
}

/** The problems of row `i`, as rule texts without the place. */
function _rowRules(s: BarSeries, i: number): string[] {
  const rules: string[] = [];
  const t = s.time[i] as number;
  if (!Number.isFinite(t)) rules.push(`time ${t} is not a finite timestamp`);
  else if (i > 0) {
    const prev = s.time[i - 1] as number;
    if (t === prev) rules.push("time repeats the previous row's");
    else if (t < prev) {
      rules.push(`time is before the previous row's ${formatBarTime(prev, s.interval)}`);
    }
  }
  const open = s.open[i] as number, high = s.high[i] as number, low = s.low[i] as number;
  const close = s.close[i] as number, adj = s.adjClose[i] as number, vol = s.volume[i] as number;
  const prices = [["open", open], ["high", high], ["low", low], ["close", close], [
    "adj close",
    adj,
  ]] as const;
  let pricesOk = true;
  for (const [name, value] of prices) {
    if (!_isPositive(value)) {
      rules.push(`${name} ${value} is not a positive number`);
      pricesOk = false;
    }
  }
  if (pricesOk) {
    if (high < open) rules.push(`high ${high} is below open ${open}`);
    if (high < close) rules.push(`high ${high} is below close ${close}`);
    if (low > open) rules.push(`low ${low} is above open ${open}`);
    if (low > close) rules.push(`low ${low} is above close ${close}`);
  }
  if (!(Number.isFinite(vol) && vol >= 0)) rules.push(`volume ${vol} is not a number >= 0`);
  return rules;
}

/**
 * Every problem of `series` (times ascending and unique, prices finite and > 0,
 * high >= max(open, close), low <= min(open, close), volume finite and >= 0),
 * into `problems`. Each line names the source, row, line (for files), date and rule.
 */
export function collectSeriesProblems(
  series: BarSeries,
  origin: SeriesOrigin,
  problems: ProblemList,
): void {
  const n = series.time.length;
  for (let i = 0; i < n; i++) {
    if (_rowOk(series, i)) continue;
    const rules = _rowRules(series, i);
    if (rules.length === 0) continue;
    const place = _place(origin, series, i);
    for (const rule of rules) problems.add(`${place}: ${rule}`);
  }
}

/** The problem lines of `series` (capped; empty when valid). See {@link collectSeriesProblems}. */
export function seriesProblems(series: BarSeries, origin: SeriesOrigin): string[] {
  const problems = new ProblemList();
  collectSeriesProblems(series, origin, problems);
  return problems.lines();
}

/** Throws an {@link InputError} listing every problem of `series`; returns it when valid. */
export function checkSeries(series: BarSeries, origin: SeriesOrigin): BarSeries {
  const problems = new ProblemList();
  collectSeriesProblems(series, origin, problems);
  problems.throwIfAny();
  return series;
}
