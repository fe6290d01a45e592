/**
 * The universe of one rebalance: the assets held, always, plus the assets
 * trending with enough confidence in the buckets the regime activates.
 *
 * Design decision: held assets are always in the universe, even beyond
 * `maxAssets`, so that their scores keep being computed and the protection
 * rules can judge their exits; `maxAssets` caps the total, and new assets fill
 * only the slots the held ones leave (best ranked first). An asset trending
 * down with high confidence is admitted like the seed does (it filters on
 * confidence only); its low technical score keeps it out of the portfolio,
 * unless `direction: "up"` excludes it here.
 *
 * @see docs/design.md#asset-universe
 * @module
 */
import { _checkChoice, _checkCount, _checkNumber, _fmt } from "./_checks.ts";
import type { ScanSnapshot } from "./technical_score.ts";

/** A scan with its ticker (the scanner's `ScanResult` fits). */
export type TickerScan = ScanSnapshot & { readonly ticker: string };

/** Options of {@link buildUniverse}. */
export type UniverseOptions = {
  /** Minimum scan confidence of a trending asset. Default 0.7 (the seed's). */
  readonly trendingConfidence?: number;
  /** Maximum size of the universe (integer >= 0 or Infinity); held assets are kept beyond it. Default 20. */
  readonly maxAssets?: number;
  /** Admit trending assets in either direction ("any", the seed's) or only up. Default "any". */
  readonly direction?: "any" | "up";
  /**
   * Which scanned assets of the active buckets may enter: "trending" (the filter above, the
   * seed's) or "all" (every one with a scan, ranked the same way; the cash attribution's
   * counterfactual without the trend filter). Default "trending".
   */
  readonly admit?: "trending" | "all";
};

/** What {@link buildUniverse} reads. */
export type UniverseInput = {
  /** Tickers held now. */
  readonly held: readonly string[];
  /** Buckets the regime activates. */
  readonly activeBuckets: readonly string[];
  /** Bucket name to its tickers; every active bucket must be in it. */
  readonly buckets: Readonly<Record<string, readonly string[]>>;
  /** The day's scans (one per ticker). */
  readonly scans: Iterable<TickerScan>;
  /** Scores to rank by, where known; a ticker without one ranks by its scan confidence. */
  readonly scores?: Readonly<Record<string, number>>;
};

/** One asset of the universe and why it is there. */
export type UniverseMember = {
  readonly ticker: string;
  /** "held" wins over "trending" for an asset that is both. */
  readonly reason: "held" | "trending";
  /** The active buckets it sits in (may be empty for a held asset). */
  readonly buckets: readonly string[];
  /** Its scan's condition and confidence (null without a scan). */
  readonly condition: ScanSnapshot["condition"] | null;
  readonly confidence: number;
  /** The key it was ranked by: its score, else its scan confidence, else -Infinity (NaN counts as absent). */
  readonly rank: number;
};

/** The universe, ranked, with the active-bucket assets left out and why. */
export type UniverseResult = {
  /** Tickers of `members`, in their order. */
  readonly tickers: readonly string[];
  /** Ranked by `rank` descending, then ticker. */
  readonly members: readonly UniverseMember[];
  readonly excluded: readonly { readonly ticker: string; readonly reason: string }[];
};

const WHAT = "build the universe";

/**
 * Held ∪ (assets of the active buckets whose scan is trending with confidence
 * >= `trendingConfidence`), ranked by score descending then ticker, the new
 * ones cut to the slots `maxAssets` leaves.
 *
 * @example Held assets always; trending ones with confidence >= 0.7 in the active buckets
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildUniverse } from "./universe.ts";
 *
 * const scan = (ticker: string, condition: "trending" | "ranging", confidence: number) =>
 *   ({ ticker, condition, trendDirection: "up" as const, confidence, strength: 0.5 });
 * const universe = buildUniverse({
 *   held: ["TLT"],
 *   activeBuckets: ["Growth Assets"],
 *   buckets: { "Growth Assets": ["QQQ", "XLK", "VUG"], Treasuries: ["TLT"] },
 *   scans: [scan("QQQ", "trending", 0.8), scan("XLK", "trending", 0.6), scan("VUG", "ranging", 0.9),
 *     scan("TLT", "ranging", 0.5)],
 * });
 * assert.deepEqual(universe.tickers, ["QQQ", "TLT"]);
 * assert.deepEqual(universe.excluded.map((e) => e.ticker), ["VUG", "XLK"]);
 * ```
 */
export function buildUniverse(input: UniverseInput, options: UniverseOptions = {}): UniverseResult {
  const threshold = _checkNumber(
    WHAT,
    "trendingConfidence",
    options.trendingConfidence ?? 0.7,
    0,
    1,
  );
  const maxAssets = _checkCount(WHAT, "maxAssets", options.maxAssets ?? 20, 0);
  const direction = _checkChoice(WHAT, "direction", options.direction ?? "any", ["any", "up"]);
  const admit = _checkChoice(WHAT, "admit", options.admit ?? "trending", ["trending", "all"]);
  const scans = _scansByTicker(input.scans);
  const bucketsOf = _activeBucketsByTicker(input.activeBuckets, input.buckets);
  const member = (ticker: string, reason: UniverseMember["reason"]): UniverseMember => {
    const scan = scans.get(ticker);
    const confidence = scan?.confidence ?? NaN;
    const score = input.scores?.[ticker] ?? NaN;
    return {
      ticker,
      reason,
      buckets: bucketsOf.get(ticker) ?? [],
      condition: scan?.condition ?? null,
      confidence,
      rank: !Number.isNaN(score) ? score : !Number.isNaN(confidence) ? confidence : -Infinity,
    };
  };
  const held = [...new Set(input.held)].map((t) => member(t, "held"));
  const heldSet = new Set(input.held);
  const excluded: { ticker: string; reason: string }[] = [];
  const entrants: UniverseMember[] = [];
  for (const ticker of [...bucketsOf.keys()].sort()) {
    if (heldSet.has(ticker)) continue;
    const scan = scans.get(ticker);
    const why = admit === "all"
      ? (scan === undefined ? "no scan" : null)
      : trendProblem(scan, threshold, direction)?.reason ?? null;
    if (why === null) entrants.push(member(ticker, "trending"));
    else excluded.push({ ticker, reason: why });
  }
  entrants.sort(_byRank);
  const slots = Math.max(0, maxAssets - held.length);
  for (const cut of entrants.slice(slots)) {
    excluded.push({ ticker: cut.ticker, reason: `universe full: maxAssets ${maxAssets}` });
  }
  const members = [...held, ...entrants.slice(0, slots)].sort(_byRank);
  excluded.sort((a, b) => (a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : 0));
  return { tickers: members.map((m) => m.ticker), members, excluded };
}

function _byRank(a: UniverseMember, b: UniverseMember): number {
  return b.rank - a.rank || (a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : 0);
}

/** Why an asset's scan keeps it out of the universe, by the trend filter. */
export type TrendProblem = {
  readonly kind: "no_scan" | "not_trending" | "low_confidence" | "trending_down";
  readonly reason: string;
};

/**
 * Why a scan does not pass the trend filter (trending, with confidence at
 * least `threshold`, up where `direction` is "up"), or null when it does.
 */
export function trendProblem(
  scan: ScanSnapshot | undefined,
  threshold: number,
  direction: "any" | "up",
): TrendProblem | null {
  if (scan === undefined) return { kind: "no_scan", reason: "no scan" };
  if (scan.condition !== "trending") {
    return { kind: "not_trending", reason: `condition ${scan.condition}, not trending` };
  }
  if (!(scan.confidence >= threshold)) {
    return {
      kind: "low_confidence",
      reason: `trending confidence ${_fmt(scan.confidence)} < ${threshold} threshold`,
    };
  }
  if (direction === "up" && scan.trendDirection !== "up") {
    return { kind: "trending_down", reason: "trending down" };
  }
  return null;
}

function _scansByTicker(scans: Iterable<TickerScan>): Map<string, TickerScan> {
  const out = new Map<string, TickerScan>();
  for (const scan of scans) {
    if (out.has(scan.ticker)) {
      throw new RangeError(
        `Cannot ${WHAT} as scans must hold one scan per ticker: current value has ${scan.ticker} twice`,
      );
    }
    out.set(scan.ticker, scan);
  }
  return out;
}

/** Ticker to the active buckets it sits in, in the order of `active`. */
function _activeBucketsByTicker(
  active: readonly string[],
  buckets: Readonly<Record<string, readonly string[]>>,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const bucket of new Set(active)) {
    const tickers = Object.hasOwn(buckets, bucket) ? buckets[bucket] : undefined;
    if (tickers === undefined) {
      throw new RangeError(
        `Cannot ${WHAT} as active bucket "${bucket}" must be in the bucket map: current value is missing`,
      );
    }
    for (const ticker of tickers) {
      let list = out.get(ticker);
      if (list === undefined) out.set(ticker, list = []);
      if (!list.includes(bucket)) list.push(bucket);
    }
  }
  return out;
}
