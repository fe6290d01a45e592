/**
 * The fallback: where the weight goes that nothing qualified for. The seed's
 * rule keeps it in cash (the residual step gives what it can to the selected
 * assets, and "what no asset has room for stays in cash"); with a fallback
 * bucket, the best-scored members of that bucket take it instead.
 *
 * Rule: after the residual step, the weight still unallocated up to the target
 * is shared equally by `members` candidates of the fallback bucket that score
 * at least `minScore` (those held now first, then the best-scored), each up to
 * `maxSingle` in all (its weight as a selected asset included); what none of
 * them has room for stays in cash. Fallback positions do not count toward bucket limits: the fallback
 * exists to take what the limits left.
 *
 * Design decision: a minimum score (0.6 by default, the grace period's
 * threshold) so that the fallback never buys a member in a down-move, and so
 * that the grace rule does not decay a fallback position between rebalances;
 * equal shares rather than score-proportional ones, since a fallback is a
 * parking place and its members' scores differ little; held members first, so
 * that the fallback does not swap one treasury for another each week as their
 * scores cross (on 2002-2012 real prices that churn doubled the trades).
 *
 * @see docs/design.md#residual-allocation (the seed's residual rule)
 * @see docs/research.md#why-it-sits-in-cash (why a fallback, and the default)
 * @module
 */
import { _checkCount, _checkNumber, _fmt } from "./_checks.ts";
import type { SizingCandidate } from "./proposal.ts";

/** Options of the fallback (see the module doc). */
export type FallbackOptions = {
  /** How many of the best-scored members share the weight. Default 2. */
  readonly members?: number;
  /** The minimum score of a member. Default 0.6. */
  readonly minScore?: number;
  /** The most one member may hold in all. Default 0.5. */
  readonly maxSingle?: number;
};

/** The defaults of {@link FallbackOptions}. */
export const FALLBACK_DEFAULTS: Readonly<Required<FallbackOptions>> = Object.freeze({
  members: 2,
  minScore: 0.6,
  maxSingle: 0.5,
});

/** What the fallback gave: the weight it added to each member, and why members were passed over. */
export type FallbackAllocation = {
  /** Ticker -> weight added (members with room, best score first). */
  readonly added: Readonly<Record<string, number>>;
  /** The total added. */
  readonly allocated: number;
  readonly passed: readonly { readonly ticker: string; readonly reason: string }[];
};

const WHAT = "allocate the fallback";
const DUST = 1e-12;

/**
 * Shares `amount` between the best-scored `candidates` (the fallback bucket's
 * members with their scores) as the module doc says; `weights` are the
 * weights already proposed (ticker -> weight).
 *
 * @example Two treasuries share what nothing else took
 * ```ts
 * import assert from "node:assert/strict";
 * import { allocateFallback } from "./fallback.ts";
 *
 * const c = (ticker: string, score: number) => ({ ticker, score, buckets: ["Treasuries"] });
 * const out = allocateFallback(
 *   [c("TLT", 0.55), c("IEF", 0.7), c("SHY", 0.65), c("GOVT", 0.62)],
 *   { SHY: 0.15 },
 *   0.6,
 * );
 * // TLT is below 0.6; IEF and SHY are the two best: 0.3 each, SHY to 0.45 in all.
 * assert.deepEqual(out.added, { IEF: 0.3, SHY: 0.3 });
 * assert.equal(out.passed.find((p) => p.ticker === "TLT")?.reason, "score 0.550 < 0.6 fallback minimum");
 * // Held members keep their place while they qualify: GOVT held, with IEF the best.
 * const sticky = allocateFallback([c("IEF", 0.7), c("SHY", 0.65), c("GOVT", 0.62)], {}, 0.6, {}, ["GOVT"]);
 * assert.deepEqual(Object.keys(sticky.added).sort(), ["GOVT", "IEF"]);
 * ```
 */
export function allocateFallback(
  candidates: readonly SizingCandidate[],
  weights: Readonly<Record<string, number>>,
  amount: number,
  options: FallbackOptions = {},
  held: readonly string[] = [],
): FallbackAllocation {
  const members = _checkCount(WHAT, "members", options.members ?? FALLBACK_DEFAULTS.members, 1);
  const minScore = _checkNumber(
    WHAT,
    "minScore",
    options.minScore ?? FALLBACK_DEFAULTS.minScore,
    0,
    1,
  );
  const maxSingle = _checkNumber(
    WHAT,
    "maxSingle",
    options.maxSingle ?? FALLBACK_DEFAULTS.maxSingle,
    Number.MIN_VALUE,
    1,
  );
  const passed: { ticker: string; reason: string }[] = [];
  const isHeld = new Set(held);
  const ranked = [...candidates].sort((a, b) =>
    Number(isHeld.has(b.ticker)) - Number(isHeld.has(a.ticker)) || b.score - a.score ||
    (a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : 0)
  );
  const chosen: SizingCandidate[] = [];
  for (const c of ranked) {
    if (!(c.score >= minScore)) {
      passed.push({
        ticker: c.ticker,
        reason: `score ${_fmt(c.score)} < ${minScore} fallback minimum`,
      });
    } else if (chosen.length >= members) {
      passed.push({ ticker: c.ticker, reason: `not among the ${members} members chosen` });
    } else chosen.push(c);
  }
  const room = chosen.map((c) => Math.max(0, maxSingle - (weights[c.ticker] ?? 0)));
  const given = _waterFill(room, Math.max(0, amount));
  const added: Record<string, number> = {};
  let allocated = 0;
  chosen.forEach((c, i) => {
    const w = given[i] ?? 0;
    if (w <= DUST) return;
    added[c.ticker] = w;
    allocated += w;
  });
  return { added, allocated, passed };
}

/** Equal shares of `amount`, each at most its room; what a full one cannot take goes to the rest. */
function _waterFill(room: readonly number[], amount: number): number[] {
  const out = room.map(() => 0);
  let left = amount;
  let open = room.map((r, i) => (r > DUST ? i : -1)).filter((i) => i >= 0);
  while (left > DUST && open.length > 0) {
    const share = left / open.length;
    const next: number[] = [];
    for (const i of open) {
      const give = Math.min(share, (room[i] ?? 0) - (out[i] ?? 0));
      out[i] = (out[i] ?? 0) + give;
      left -= give;
      if ((room[i] ?? 0) - (out[i] ?? 0) > DUST) next.push(i);
    }
    if (next.length === open.length) break;
    open = next;
  }
  return out;
}
