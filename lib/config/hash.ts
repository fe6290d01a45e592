/**
 * Canonical JSON (keys sorted, no spaces) and its SHA-256, so that the same
 * configuration always has the same hash whatever the key order of its file.
 *
 * @module
 */
import { createHash } from "node:crypto";

/** JSON text with object keys sorted at every depth. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      out[k] = sortKeys((value as Record<string, unknown>)[k]);
    }
    return out;
  }
  return value;
}

/** SHA-256 (hex) of the canonical JSON of a value. */
export function hashOf(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}

/**
 * The hash of a run's configuration. `run.benchmark` left unset is hashed as "SPY", its
 * default before benchmarks became a list, so that a configuration that does not set it
 * keeps the hash (and the results folder) it had; the benchmarks it now stands for (SPY and
 * 60/40:SPY,TLT where the data holds them) change no decision of the strategy.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { configHash, hashOf } from "./hash.ts";
 *
 * assert.equal(configHash({ run: { cash: 1 } }), hashOf({ run: { cash: 1, benchmark: "SPY" } }));
 * assert.notEqual(configHash({ run: { cash: 1, benchmark: ["QQQ"] } }), configHash({ run: { cash: 1 } }));
 * ```
 */
export function configHash(config: { readonly run: Readonly<Record<string, unknown>> }): string {
  return hashOf(
    config.run.benchmark === undefined
      ? { ...config, run: { ...config.run, benchmark: "SPY" } }
      : config,
  );
}
