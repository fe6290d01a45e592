/**
 * Reading one data row of a bar CSV, two ways: a fast path on the file's bytes
 * for the usual row (plain decimals, ISO dates), and a string path for any other
 * row, which skips Yahoo's `null` rows and names every bad field.
 *
 * @module
 */
import type { BarSeries } from "./bars.ts";
import { parseDayIn, parseTimeIn, parseTimeText } from "./bar_time.ts";
import { asciiAt, decimalAt, isoDayAt } from "./csv_bytes.ts";
import { columnName, type CsvHeader, findColumn, numberField } from "./csv_table.ts";
import type { ProblemList } from "./validate.ts";

/** The columns a bar row is read into, in role order (role 0 = time). */
export const ROLES = ["time", "open", "high", "low", "close", "adjClose", "volume"] as const;
/** One of {@link ROLES}. */
export type BarRole = typeof ROLES[number];

/** How a file's columns map to bar fields. */
export type BarLayout = {
  readonly header: CsvHeader;
  /** Header column index of each role (adjClose = close's column without Adj Close). */
  readonly columns: Readonly<Record<BarRole, number>>;
  /** Role of each header column, -1 for ignored columns. */
  readonly roles: Int8Array;
  readonly hasAdjClose: boolean;
  readonly intraday: boolean;
};

/** The layout of `header`; a missing required column is an InputError naming it. */
export function barLayout(header: CsvHeader, intraday: boolean): BarLayout {
  const close = findColumn(header, ["close"], true);
  const adj = findColumn(header, ["adj close", "adj_close", "adjclose"], false);
  const columns = {
    time: findColumn(header, ["date", "datetime"], true),
    open: findColumn(header, ["open"], true),
    high: findColumn(header, ["high"], true),
    low: findColumn(header, ["low"], true),
    close,
    adjClose: adj < 0 ? close : adj,
    volume: findColumn(header, ["volume"], true),
  };
  const roles = new Int8Array(header.header.length).fill(-1);
  ROLES.forEach((role, r) => {
    if (role !== "adjClose" || adj >= 0) roles[columns[role]] = r;
  });
  return { header, columns, roles, hasAdjClose: adj >= 0, intraday };
}

function _time(bytes: Uint8Array, from: number, to: number, intraday: boolean): number {
  if (!intraday) return isoDayAt(bytes, from, to);
  return to - from > 10 ? parseTimeText(asciiAt(bytes, from, to)) : NaN;
}

/**
 * Reads the row in bytes [start, end) into bar `n` of `out`; false (having
 * written junk at `n`) when the row is anything but plain, for {@link slowBarRow}.
 */
export function fastBarRow(
  bytes: Uint8Array,
  start: number,
  end: number,
  layout: BarLayout,
  out: BarSeries,
  n: number,
): boolean {
  const width = layout.roles.length;
  let field = 0, from = start;
  for (;;) {
    let to = from;
    while (to < end && bytes[to] !== 44) to++;
    if (field >= width) return false;
    const role = layout.roles[field] as number;
    if (role >= 0) {
      const value = role === 0
        ? _time(bytes, from, to, layout.intraday)
        : decimalAt(bytes, from, to);
      if (Number.isNaN(value)) return false;
      out[ROLES[role] as BarRole][n] = value;
    }
    field++;
    if (to >= end) break;
    from = to + 1;
  }
  if (field !== width) return false;
  if (!layout.hasAdjClose) out.adjClose[n] = out.close[n] as number;
  return true;
}

/** What the string path made of a row. */
export type SlowRow = "row" | "blank" | "null" | "bad";

/**
 * Reads `line` (number `lineNo`) into bar `n` of `out`, the careful way: blank
 * lines and rows with a `null` value are reported as such, every bad field goes
 * to `problems` with file, line and column.
 */
export function slowBarRow(
  line: string,
  lineNo: number,
  layout: BarLayout,
  out: BarSeries,
  n: number,
  problems: ProblemList,
): SlowRow {
  if (line.trim() === "") return "blank";
  const { header, columns } = layout;
  const source = header.source;
  const fields = line.split(",");
  if (fields.length !== header.header.length) {
    problems.add(
      `${source} line ${lineNo}: expected ${header.header.length} fields as in the header, found ${fields.length}`,
    );
    return "bad";
  }
  let bad = false, nulls = false;
  for (const role of ROLES.slice(1)) {
    const raw = fields[columns[role]] as string;
    const value = numberField(raw);
    out[role][n] = value;
    if (!Number.isNaN(value)) continue;
    if (raw.trim() === "null") nulls = true;
    else {
      bad = true;
      problems.add(
        `${source} line ${lineNo} column ${
          columnName(header, columns[role])
        }: "${raw}" is not a number`,
      );
    }
  }
  const timeText = (fields[columns.time] as string).trim();
  const time = !layout.intraday
    ? parseDayIn(timeText, 0, timeText.length)
    : timeText.length > 10
    ? parseTimeIn(timeText, 0, timeText.length)
    : NaN;
  out.time[n] = time;
  if (Number.isNaN(time)) {
    const expected = layout.intraday ? "a date-time (YYYY-MM-DDTHH:MM[:SS][Z|±hh:mm])" : "a date";
    problems.add(
      `${source} line ${lineNo} column ${
        columnName(header, columns.time)
      }: "${timeText}" is not ${expected}`,
    );
    return "bad";
  }
  return bad ? "bad" : nulls ? "null" : "row";
}
