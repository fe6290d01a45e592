/**
 * The environment layer: every parameter can be set by a variable named
 * `ENGINE_` and its config path in upper snake case (`run.cash` ->
 * `ENGINE_RUN_CASH`, `sizing.maxSingle` -> `ENGINE_SIZING_MAX_SINGLE`), its value
 * written as the flag takes it (lists comma-separated, booleans true/false,
 * `ENGINE_STRATEGY_PARAMS=period=20,size=10`). An empty variable counts as unset.
 *
 * @module
 */
import { InputError } from "../errors.ts";
import { flagParams, parseParamText } from "./flags.ts";
import type { ParamInfo } from "./params.ts";
import { setPath } from "./layers.ts";

/** Reads one environment variable (tests pass their own; scripts pass `Deno.env.get`). */
export type EnvLookup = (name: string) => string | undefined;

/** Every variable the environment layer reads, one per parameter, in schema order. */
export function envVariables(): readonly string[] {
  return flagParams().map((p) => p.env);
}

/**
 * The config layer the environment sets; an {@link InputError} names every bad variable.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { envLayer } from "./env_layer.ts";
 *
 * const vars: Record<string, string> = { ENGINE_RUN_CASH: "50000", ENGINE_DATA_TICKERS: "SPY,TLT" };
 * assert.deepEqual(envLayer((name) => vars[name]), {
 *   run: { cash: 50000 },
 *   data: { tickers: ["SPY", "TLT"] },
 * });
 * ```
 */
export function envLayer(env: EnvLookup): Record<string, unknown> {
  const layer: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const p of flagParams()) {
    const raw = env(p.env);
    if (raw === undefined || raw.trim() === "") continue;
    try {
      setPath(layer, p.path, parseParamText(p, textOf(p, raw)));
    } catch (error) {
      problems.push(`${p.env}: ${p.path}: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return layer;
}

/** A map parameter takes `key=value` pairs separated by commas. */
function textOf(p: ParamInfo, raw: string): string | readonly string[] {
  return p.kind.type === "record" ? raw.split(",").map((s) => s.trim()).filter((s) => s) : raw;
}
