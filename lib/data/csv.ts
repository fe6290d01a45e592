/**
 * Bars from CSV in Yahoo's download format, `Date,Open,High,Low,Close,Adj Close,Volume`
 * (header matched case-insensitively, columns in any order, extra columns ignored).
 *
 * - No `Adj Close` column (backtrader's `Date,Open,High,Low,Close,Volume,OpenInterest`):
 *   Adj Close is Close.
 * - A `Datetime` column means intraday bars (interval "1h" unless given), stamped at
 *   the written time (`YYYY-MM-DDTHH:MM[:SS][Z|±hh:mm]` or `YYYY-MM-DD HH:MM:SS`,
 *   no zone = UTC). Daily and slower bars are stamped at midnight UTC of the written date.
 * - Decision on Yahoo's holiday rows (`2020-01-01,null,null,...`): a row with a
 *   `null` value is skipped and counted; any other malformed field is an error
 *   naming file, line and column. All problems are reported together (capped).
 *
 * @module
 */
import { type BarSeries, emptySeries, type Interval, INTERVALS } from "./bars.ts";
import { isIntraday } from "./bar_time.ts";
import { barLayout, fastBarRow, slowBarRow } from "./csv_bar_rows.ts";
import { parseHeader, readInputBytes } from "./csv_table.ts";
import { checkSeries, ProblemList } from "./validate.ts";
import { InputError } from "../errors.ts";

/** Options of {@link parseBarsCsv}. */
export type BarsCsvOptions = {
  /** File path or source name, for messages. */
  readonly source: string;
  /** Ticker the bars belong to. */
  readonly ticker: string;
  /** Bar interval; default "1h" with a `Datetime` column, else "1d". */
  readonly interval?: Interval;
};

/** A parsed, validated CSV: the series and how many `null` rows were skipped. */
export type ParsedBars = {
  readonly series: BarSeries;
  /** Rows skipped because Yahoo wrote `null` values (holidays, missing bars). */
  readonly skippedNullRows: number;
};

const NEWLINE = 10;
const decoder = new TextDecoder();

/** Bytes [start, end) less a trailing carriage return. */
function _lineEnd(bytes: Uint8Array, start: number, end: number): number {
  return end > start && bytes[end - 1] === 13 ? end - 1 : end;
}

/** Start of the header line (after a BOM and blank lines), its end, and its line number. */
function _headerLine(
  bytes: Uint8Array,
  source: string,
): { start: number; end: number; line: number } {
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let line = 1; start < bytes.length; line++) {
    const nl = bytes.indexOf(NEWLINE, start);
    const end = nl < 0 ? bytes.length : nl;
    if (decoder.decode(bytes.subarray(start, end)).trim() !== "") return { start, end, line };
    start = end + 1;
  }
  throw new InputError(`${source}: the file is empty (no header line)`);
}

/**
 * Parses and validates one CSV of bars (text or the file's bytes); an
 * {@link InputError} lists every problem.
 *
 * Design decision: rows are read from the bytes in place ({@link fastBarRow}),
 * falling back to a string path only for unusual rows, because cutting 700k
 * field strings out of 100k rows cost more than everything else together.
 */
export function parseBarsCsv(input: string | Uint8Array, options: BarsCsvOptions): ParsedBars {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const { source } = options;
  const head = _headerLine(bytes, source);
  const header = parseHeader(
    decoder.decode(bytes.subarray(head.start, _lineEnd(bytes, head.start, head.end))),
    head.line,
    source,
  );
  const timeColumn = header.header.findIndex((h) => h === "date" || h === "datetime");
  const interval = options.interval ?? (header.header[timeColumn] === "datetime" ? "1h" : "1d");
  const layout = barLayout(header, isIntraday(interval));
  let capacity = 0;
  for (let p = bytes.indexOf(NEWLINE, head.end); p !== -1; p = bytes.indexOf(NEWLINE, p + 1)) {
    capacity++;
  }
  const out = emptySeries(options.ticker, interval, capacity + 1);
  const lineOfRow = new Int32Array(capacity + 1);
  const problems = new ProblemList();
  let n = 0, skipped = 0, lineNo = head.line;
  for (let start = head.end + 1; start < bytes.length;) {
    lineNo++;
    const nl = bytes.indexOf(NEWLINE, start);
    const next = nl < 0 ? bytes.length : nl;
    const end = _lineEnd(bytes, start, next);
    if (end > start) {
      const kind = fastBarRow(bytes, start, end, layout, out, n)
        ? "row"
        : slowBarRow(decoder.decode(bytes.subarray(start, end)), lineNo, layout, out, n, problems);
      if (kind === "row") lineOfRow[n++] = lineNo;
      else if (kind === "null") skipped++;
    }
    start = next + 1;
  }
  problems.throwIfAny();
  if (n === 0) {
    const why = skipped > 0 ? ` (${skipped} rows of null values skipped)` : "";
    throw new InputError(`${source}: no data rows${why}`);
  }
  const series = _trimmed(out, n);
  checkSeries(series, { source, lineOfRow });
  return { series, skippedNullRows: skipped };
}

/** A copy of the first `n` bars (so the spare capacity is freed). */
function _trimmed(s: BarSeries, n: number): BarSeries {
  return {
    ticker: s.ticker,
    interval: s.interval,
    time: s.time.slice(0, n),
    open: s.open.slice(0, n),
    high: s.high.slice(0, n),
    low: s.low.slice(0, n),
    close: s.close.slice(0, n),
    adjClose: s.adjClose.slice(0, n),
    volume: s.volume.slice(0, n),
  };
}

/**
 * The ticker and, when the name says it, the interval of a price file:
 * `data/brk-b.csv` -> BRK-B; `intraday/SPY_1h.csv` -> SPY at "1h" (the name
 * without extension, upper case, less a `_INTERVAL` suffix naming a known interval).
 */
export function describeCsvPath(path: string): { ticker: string; interval?: Interval } {
  const name = path.split(/[\\/]/).pop() ?? path;
  const dot = name.lastIndexOf(".");
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const underscore = stem.lastIndexOf("_");
  const suffix = stem.slice(underscore + 1).toLowerCase();
  const interval = INTERVALS.find((i) => i === suffix);
  if (underscore > 0 && interval !== undefined) {
    return { ticker: stem.slice(0, underscore).toUpperCase(), interval };
  }
  return { ticker: stem.toUpperCase() };
}

/**
 * Reads and parses a CSV file of bars. Ticker and interval default to what the
 * file name says ({@link describeCsvPath}), then to the header's default.
 */
export async function readBarsCsv(
  path: string,
  options: { readonly ticker?: string; readonly interval?: Interval } = {},
): Promise<ParsedBars> {
  const bytes = await readInputBytes(path);
  const named = describeCsvPath(path);
  const ticker = options.ticker ?? named.ticker;
  const interval = options.interval ?? named.interval;
  return parseBarsCsv(
    bytes,
    interval === undefined ? { source: path, ticker } : { source: path, ticker, interval },
  );
}
