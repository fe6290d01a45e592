/**
 * Content digests of series: SHA-256 over a series' ticker, interval, length
 * and column bytes. The price store keeps each series' digest so a run's data
 * hash costs nothing at load time; loading from files computes the same digest,
 * so the same bars give the same data hash whatever the source.
 *
 * @module
 */
import { createHash } from "node:crypto";
import type { BarSeries } from "./bars.ts";

/** SHA-256 (hex) of one series' content. */
export function seriesDigest(s: BarSeries): string {
  const h = createHash("sha256");
  h.update(`${s.ticker}\u0000${s.interval}\u0000${s.time.length}\u0000`);
  for (const col of [s.time, s.open, s.high, s.low, s.close, s.adjClose, s.volume]) {
    h.update(new Uint8Array(col.buffer, col.byteOffset, col.byteLength));
  }
  return h.digest("hex");
}

/** SHA-256 (hex) of a run's data: its series' digests in order, and the splits. */
export function dataHashOfDigests(
  digests: readonly string[],
  splits: Readonly<Record<string, readonly { date: string; ratio: number }[]>> = {},
): string {
  const h = createHash("sha256");
  for (const d of digests) h.update(d);
  h.update(JSON.stringify(Object.keys(splits).sort().map((k) => [k, splits[k]])));
  return h.digest("hex");
}
