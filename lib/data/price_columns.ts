/**
 * A series as the price store keeps it: one BLOB per field, the Float64Array's
 * bytes (IEEE-754, little-endian), and back.
 *
 * @module
 */
import { BAR_FIELDS, type BarSeries, type Interval } from "./bars.ts";
import { InputError } from "../errors.ts";

/** The stored columns of a series: its times, then every bar field. */
export const STORED_COLUMNS = ["time", ...BAR_FIELDS] as const;

/** The bytes of a column, sharing its memory. */
export function blobOfColumn(column: Float64Array): Uint8Array {
  return new Uint8Array(column.buffer, column.byteOffset, column.byteLength);
}

/**
 * The column a BLOB holds (a view when aligned, else a copy). Anything but whole
 * doubles is an {@link InputError}: the file at `path` is damaged.
 */
export function columnOfBlob(blob: unknown, path: string, ticker: string): Float64Array {
  if (!(blob instanceof Uint8Array) || blob.byteLength % 8 !== 0) {
    throw new InputError(`${path}: damaged price column for ${ticker}`);
  }
  return blob.byteOffset % 8 === 0
    ? new Float64Array(blob.buffer, blob.byteOffset, blob.byteLength / 8)
    : new Float64Array(blob.slice().buffer);
}

/** A series from its columns by name; a missing or short column is an {@link InputError}. */
export function seriesOfColumns(
  ticker: string,
  interval: Interval,
  columns: ReadonlyMap<string, Float64Array>,
  path: string,
): BarSeries {
  const n = columns.get("time")?.length;
  const get = (field: string): Float64Array => {
    const column = columns.get(field);
    if (column === undefined || column.length !== n) {
      throw new InputError(`${path}: damaged ${field} column for ${ticker} ${interval}`);
    }
    return column;
  };
  return {
    ticker,
    interval,
    time: get("time"),
    open: get("open"),
    high: get("high"),
    low: get("low"),
    close: get("close"),
    adjClose: get("adjClose"),
    volume: get("volume"),
  };
}
