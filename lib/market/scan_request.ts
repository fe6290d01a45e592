/**
 * What a scan is asked for, checked: the timeframes and their weights, the scan
 * day on the market's calendar, and the tickers (of the buckets, if named).
 * Each check throws an {@link InputError} naming the flag and what is wrong.
 *
 * @module
 */
import type { Interval } from "../data/bars.ts";
import { parseIsoDay } from "../data/dates.ts";
import type { Panel } from "../data/panel.ts";
import { InputError } from "../errors.ts";
import { type BucketMap, tickersIn } from "./buckets.ts";
import { TIMEFRAME_WEIGHTS } from "./scanner_options.ts";

/**
 * Weight of each timeframe when a scan names it without one: the scanner's defaults
 * (1d 0.5, 1w 0.3, 1mo 0.2), and the hourly ones below the daily (4h 0.2, 1h 0.1),
 * since a day's last hour or four hours are noisier than its close.
 */
export const SCAN_TIMEFRAME_WEIGHTS: Readonly<Record<Interval, number>> = {
  "1h": 0.1,
  "4h": 0.2,
  "1d": TIMEFRAME_WEIGHTS["1d"] ?? 0.5,
  "1w": TIMEFRAME_WEIGHTS["1w"] ?? 0.3,
  "1mo": TIMEFRAME_WEIGHTS["1mo"] ?? 0.2,
};

const INTERVALS = Object.keys(SCAN_TIMEFRAME_WEIGHTS) as Interval[];

/**
 * Parses `1d,1w,1mo` (weights from {@link SCAN_TIMEFRAME_WEIGHTS}) or `1d=0.6,1w=0.4`
 * into scanner timeframe weights.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseTimeframes } from "./scan_request.ts";
 *
 * assert.deepEqual(parseTimeframes("1d,1w"), { "1d": 0.5, "1w": 0.3 });
 * assert.deepEqual(parseTimeframes("1d=0.7, 4h=0.3"), { "1d": 0.7, "4h": 0.3 });
 * assert.throws(() => parseTimeframes("1d,2d"), /--timeframes: unknown timeframe "2d"/);
 * ```
 */
export function parseTimeframes(
  text: string,
  flag = "--timeframes",
): Partial<Record<Interval, number>> {
  const out: Partial<Record<Interval, number>> = {};
  const problems: string[] = [];
  const items = text.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (items.length === 0) problems.push(`${flag}: names no timeframe (e.g. 1d,1w,1mo)`);
  for (const item of items) {
    const [name = "", weightText] = item.split("=").map((s) => s.trim());
    if (!(INTERVALS as string[]).includes(name)) {
      problems.push(`${flag}: unknown timeframe "${name}": expected ${INTERVALS.join(", ")}`);
      continue;
    }
    const interval = name as Interval;
    const weight = weightText === undefined ? SCAN_TIMEFRAME_WEIGHTS[interval] : Number(weightText);
    if (!(Number.isFinite(weight) && weight > 0) || weightText?.trim() === "") {
      problems.push(`${flag}: weight of ${name} must be a number above 0, got "${weightText}"`);
      continue;
    }
    if (out[interval] !== undefined) problems.push(`${flag}: ${name} is named twice`);
    out[interval] = weight;
  }
  if (problems.length > 0) throw new InputError(problems);
  return out;
}

/** `text` when it is a date as YYYY-MM-DD; otherwise an {@link InputError} naming the flag. */
export function parseScanDate(text: string | undefined, flag = "--date"): string {
  if (text === undefined) {
    throw new InputError(`${flag}: missing: the day to scan, as YYYY-MM-DD (see --help)`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(parseIsoDay(text))) {
    throw new InputError(`${flag}: "${text}" is not a date as YYYY-MM-DD`);
  }
  return text;
}

/**
 * Day index of the scan: the last trading day on or before `date`. A date that is not
 * YYYY-MM-DD, or outside the data (before its first day or after its last), is an
 * {@link InputError}.
 */
export function scanDayIndex(panel: Panel, date: string, flag = "--date"): number {
  parseScanDate(date, flag);
  const first = panel.dateAt(0), last = panel.dateAt(panel.dayCount - 1);
  if (date < first || date > last) {
    throw new InputError(`${flag}: ${date} is outside the data, which covers ${first} to ${last}`);
  }
  return panel.indexOnOrBefore(date);
}

/** What {@link scanTickers} selects from. */
export type TickerRequest = {
  /** Buckets whose tickers to keep (default: keep every ticker). */
  readonly buckets?: readonly string[] | undefined;
  /** The bucket map the names refer to. */
  readonly map: BucketMap;
  /** The data, for messages (e.g. `fixtures (42 tickers)`). */
  readonly source: string;
};

/**
 * The tickers to scan: those of the data, in its order, that sit in one of the named
 * buckets (all of them when none are named). An unknown bucket, or buckets without a
 * ticker in the data, is an {@link InputError}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { scanTickers } from "./scan_request.ts";
 *
 * const map = { Gold: ["GLD", "IAU"], Treasuries: ["TLT", "IEF"] };
 * const source = "fixtures (3 tickers)";
 * assert.deepEqual(scanTickers(["SPY", "TLT", "GLD"], { buckets: ["Gold", "Treasuries"], map, source }), ["TLT", "GLD"]);
 * assert.deepEqual(scanTickers(["SPY", "TLT"], { map, source }), ["SPY", "TLT"]);
 * assert.throws(() => scanTickers(["SPY"], { buckets: ["Gold"], map, source }), /no ticker of bucket Gold/);
 * ```
 */
export function scanTickers(available: readonly string[], request: TickerRequest): string[] {
  if (request.buckets === undefined) return [...available];
  const unknown = request.buckets.filter((b) => request.map[b] === undefined);
  if (unknown.length > 0) {
    throw new InputError(
      `--buckets: unknown bucket ${unknown.map((b) => `"${b}"`).join(", ")}: buckets are ${
        Object.keys(request.map).join(", ")
      }`,
    );
  }
  const wanted = new Set(tickersIn(request.buckets, request.map));
  const selected = available.filter((t) => wanted.has(t));
  if (selected.length === 0) {
    const plural = request.buckets.length > 1 ? "s" : "";
    throw new InputError(
      `--buckets: no ticker of bucket${plural} ${request.buckets.join(", ")} (${
        [...wanted].join(", ")
      }) is in ${request.source}`,
    );
  }
  return selected;
}
