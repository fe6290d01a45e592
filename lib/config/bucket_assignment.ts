/**
 * Putting tickers into buckets: a user's own tickers (from a bucket file) each
 * with its buckets, or its sector and the sector map. A ticker assigned here
 * sits in exactly the buckets it is given: it leaves the buckets the map had it
 * in, so a file can move a default ticker as well as add a new one.
 *
 * @see lib/market/sectors.ts (the default sector map)
 * @module
 */
import type { BucketMap } from "../market/buckets.ts";
import type { SectorBucketMap } from "../market/sectors.ts";
import { closest } from "./issues.ts";

/** One ticker's assignment: its buckets, or its sector (buckets win when both are given). */
export type BucketAssignment = {
  readonly ticker: string;
  readonly buckets?: readonly string[] | undefined;
  readonly sector?: string | undefined;
  /** Where it was written (`buckets.csv line 4`), for messages. */
  readonly where: string;
};

/** The map with the assignments applied, or every problem (one line each, naming where). */
export type AssignedBuckets =
  | { readonly ok: true; readonly map: BucketMap; readonly moved: readonly string[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Applies `assignments` to `map` (see the module doc). A bucket the map does
 * not define, or a sector the sector map does not know, is a problem; the
 * buckets keep their order, and a ticker joins the end of each bucket it is put in.
 *
 * @example A ticker by its buckets, another by its sector
 * ```ts
 * import assert from "node:assert/strict";
 * import { assignBuckets } from "./bucket_assignment.ts";
 *
 * const map = { Growth: ["QQQ"], Cyclicals: ["XLI"], Value: ["XLF"] };
 * const sectors = { Industrials: ["Cyclicals", "Value"] };
 * const out = assignBuckets(map, [
 *   { ticker: "CSCO", buckets: ["Growth"], where: "line 2" },
 *   { ticker: "GE", sector: "Industrials", where: "line 3" },
 * ], sectors);
 * assert.ok(out.ok);
 * assert.deepEqual(out.map, { Growth: ["QQQ", "CSCO"], Cyclicals: ["XLI", "GE"], Value: ["XLF", "GE"] });
 *
 * const bad = assignBuckets(map, [{ ticker: "GE", sector: "Industrial", where: "line 3" }], sectors);
 * assert.deepEqual(bad.ok ? [] : bad.problems, [
 *   'line 3: GE: unknown sector "Industrial" (did you mean "Industrials"?); sectors are Industrials',
 * ]);
 * ```
 */
export function assignBuckets(
  map: BucketMap,
  assignments: readonly BucketAssignment[],
  sectors: SectorBucketMap,
): AssignedBuckets {
  const problems: string[] = [];
  const names = Object.keys(map);
  const wanted = new Map<string, readonly string[]>();
  for (const a of assignments) {
    const fromSector = a.buckets === undefined && a.sector !== undefined;
    const buckets = a.buckets ?? (a.sector === undefined ? undefined : sectors[a.sector]);
    if (buckets === undefined) {
      problems.push(
        a.sector === undefined
          ? `${a.where}: ${a.ticker}: gives neither buckets nor a sector`
          : `${a.where}: ${a.ticker}: unknown sector "${a.sector}"${
            _guess(closest(a.sector, Object.keys(sectors)))
          }; sectors are ${Object.keys(sectors).join(", ")}`,
      );
      continue;
    }
    for (const bucket of buckets) {
      if (Object.hasOwn(map, bucket)) continue;
      problems.push(
        `${a.where}: ${a.ticker}: ${
          fromSector ? `sector "${a.sector}" maps to bucket` : "unknown bucket"
        } "${bucket}"${fromSector ? ", which buckets.map does not define" : ""}${
          _guess(closest(bucket, names))
        }; buckets are ${names.join(", ")}`,
      );
    }
    wanted.set(a.ticker, [...new Set(buckets)]);
  }
  if (problems.length > 0) return { ok: false, problems };
  const out: Record<string, string[]> = {};
  const moved: string[] = [];
  for (const [bucket, tickers] of Object.entries(map)) {
    out[bucket] = tickers.filter((t) => !wanted.has(t));
  }
  for (const [ticker, buckets] of wanted) {
    const before = Object.entries(map).filter(([, list]) => list.includes(ticker)).map(([b]) => b);
    if (before.length > 0 && before.join("\n") !== buckets.join("\n")) moved.push(ticker);
    for (const bucket of buckets) out[bucket]?.push(ticker);
  }
  return { ok: true, map: out, moved };
}

function _guess(word: string | undefined): string {
  return word === undefined ? "" : ` (did you mean "${word}"?)`;
}
