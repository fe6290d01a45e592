/**
 * Which settings of a config decide a paper portfolio's trades, and what
 * changed between two configs. A plan compares the config it is given with
 * the one the portfolio was created with (or last accepted): a change of a
 * deciding setting is refused unless the user accepts it, and then recorded.
 *
 * Not deciding, so never compared: `run` (dates, starting cash, benchmarks and
 * the risk-free rate only frame a backtest and its metrics; a portfolio's
 * cash is set once, at `--init`), where results, reports, audit logs and
 * ledgers go (`output`, `report`, `audit`, `ledger`), the preset's name (its
 * values are compared) and the schema version.
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import { hashOf } from "../config/hash.ts";

/** Top-level sections and keys that do not decide trades. */
export const NOT_DECIDING: readonly string[] = Object.freeze([
  "version",
  "preset",
  "run",
  "output",
  "report",
  "audit",
  "ledger",
]);

/** The deciding part of a config (every section but {@link NOT_DECIDING}). */
export function decidingPart(config: Config): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (!NOT_DECIDING.includes(key)) out[key] = value;
  }
  return out;
}

/** The hash of a config's deciding part: equal hashes plan alike. */
export function decidingHash(config: Config): string {
  return hashOf(decidingPart(config));
}

/**
 * The deciding settings that differ, one `path: old -> new` each, in path
 * order (empty when none); values are shown as JSON.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { validateConfig } from "../config/load.ts";
 * import { configChanges } from "./config_change.ts";
 *
 * const before = validateConfig({});
 * const after = validateConfig({ sizing: { maxSingle: 0.1 }, run: { cash: 5 }, output: { dir: "elsewhere" } });
 * assert.deepEqual(configChanges(before, after), ["sizing.maxSingle: 0.15 -> 0.1"]);
 * ```
 */
export function configChanges(before: Config, after: Config): string[] {
  const out: string[] = [];
  _diff(decidingPart(before), decidingPart(after), "", out);
  return out.sort();
}

function _diff(a: unknown, b: unknown, path: string, out: string[]): void {
  const isObject = (x: unknown): x is Record<string, unknown> =>
    x !== null && typeof x === "object" && !Array.isArray(x);
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      _diff(a[key], b[key], path === "" ? key : `${path}.${key}`, out);
    }
    return;
  }
  const text = (x: unknown) => (x === undefined ? "(unset)" : JSON.stringify(x));
  if (text(a) !== text(b)) out.push(`${path}: ${text(a)} -> ${text(b)}`);
}
