/**
 * A regime provider that remembers the context of every day it was asked
 * for, for providers shared by many runs (a sweep): the provider itself keeps
 * only the last day's, and each run walks every day of its range.
 *
 * @module
 */
import type { RegimeContext } from "../market/regime.ts";
import type { RegimeProvider } from "../market/regime_provider.ts";

/**
 * `provider` with its day contexts remembered (bounded by the Panel's days).
 *
 * @example The second run over the same days reads them from memory
 * ```ts
 * import assert from "node:assert/strict";
 * import { memoizedRegime } from "./regime_memo.ts";
 * import type { RegimeProvider } from "../market/regime_provider.ts";
 *
 * let built = 0;
 * const provider = {
 *   atIndex: (t: number) => (built++, { date: `d${t}` }),
 * } as unknown as RegimeProvider;
 * const shared = memoizedRegime(provider, 3);
 * for (const _ of [1, 2]) for (let t = 0; t < 3; t++) shared.atIndex(t);
 * assert.equal(built, 3);
 * assert.equal(shared.atIndex(2), shared.atIndex(2));
 * ```
 */
export function memoizedRegime(provider: RegimeProvider, days: number): RegimeProvider {
  const memo: (RegimeContext | undefined)[] = new Array(days);
  return {
    ...provider,
    atIndex: (t) => {
      if (!(t >= 0 && t < days)) return provider.atIndex(t);
      return memo[t] ??= provider.atIndex(t);
    },
  };
}
