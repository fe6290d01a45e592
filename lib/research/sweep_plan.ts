/**
 * A sweep's plan: the base configuration (its layers, as the backtest layers
 * them), the parameters it varies and every run it will make, each validated
 * against the config schema and identified by its config hash, before the
 * first run starts.
 *
 * A run's config is the base layers with one more layer on top holding the
 * run's parameters; a `preset` parameter goes below the file, as a preset
 * always does. Problems are all listed at once and name the path and the
 * value: first a path that is no config path, then each value that is wrong
 * on its own (`grid.yaml: parameters.sizing.maxSingle = 1.5: must be <= 1,
 * got 1.5`), then the combinations that are wrong together.
 *
 * @module
 */
import { configHash as configHashOf } from "../config/hash.ts";
import { closest } from "../config/issues.ts";
import type { ConfigLayer } from "../config/layers.ts";
import { setPath } from "../config/layers.ts";
import { mergeLayers, parseConfig } from "../config/load.ts";
import { listParams } from "../config/params.ts";
import { presetOf, resolveConfig } from "../config/resolve_config.ts";
import { PRESETS } from "../config/presets.ts";
import type { Config } from "../config/schema.ts";
import { InputError } from "../errors.ts";
import type { RandomSearch } from "./grid_file.ts";
import { type Assignment, gridCombinations, type GridParameter } from "./grid_space.ts";

/** One run of a sweep: its place in the plan, its parameters and its config's hash. */
export type PlannedRun = {
  /** 0-based position in the plan (the order runs start in). */
  readonly position: number;
  readonly params: Assignment;
  readonly configHash: string;
};

/** A validated sweep plan. */
export type SweepPlan = {
  /** Where the grid came from (a file path, or `sweep()`), for messages. */
  readonly source: string;
  /** The base layers, lowest first (no preset layer: resolving adds it). */
  readonly layers: readonly ConfigLayer[];
  /** The base configuration (the layers resolved). */
  readonly base: Config;
  readonly parameters: readonly GridParameter[];
  readonly random?: RandomSearch | undefined;
  /** Every run, in order, with distinct config hashes. */
  readonly runs: readonly PlannedRun[];
};

const MAX_LINES = 40;

/**
 * Builds and validates the plan; an {@link InputError} lists every problem
 * (at most 40 lines, then a count of the rest).
 *
 * @example Three values of one parameter over the defaults
 * ```ts
 * import assert from "node:assert/strict";
 * import { planSweep } from "./sweep_plan.ts";
 *
 * const plan = planSweep({
 *   source: "example",
 *   layers: [],
 *   parameters: [{ path: "sizing.minScore", values: [0.6, 0.65, 0.7] }],
 * });
 * assert.equal(plan.runs.length, 3);
 * assert.deepEqual(plan.runs[1]?.params, { "sizing.minScore": 0.65 });
 * assert.throws(
 *   () => planSweep({ source: "g.yaml", layers: [], parameters: [{ path: "sizing.maxSingle", values: [0.1, 1.5] }] }),
 *   /g.yaml: parameters.sizing.maxSingle = 1.5: sizing.maxSingle: must be <= 1, got 1.5/,
 * );
 * ```
 */
export function planSweep(request: {
  readonly source: string;
  readonly layers: readonly ConfigLayer[];
  readonly parameters: readonly GridParameter[];
  readonly random?: RandomSearch | undefined;
}): SweepPlan {
  const { source, parameters } = request;
  const layers = request.layers.filter((l) => l.kind !== "preset");
  const resolved = resolveConfig(layers);
  _checkPaths(source, parameters);
  const configOf = (params: Assignment) => _parse(layers, params);
  _report(parameters.flatMap((p) =>
    p.values.flatMap((value) => {
      const problems = configOf({ [p.path]: value }).problems;
      return problems.map((line) =>
        `${source}: parameters.${p.path} = ${JSON.stringify(value)}: ${line}`
      );
    })
  ));
  if (request.random !== undefined && request.random.count > 10_000_000) {
    throw new InputError(
      `${source}: random: count must be at most 10000000, got ${request.random.count}`,
    );
  }
  const runs: PlannedRun[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const params of gridCombinations(parameters, request.random)) {
    const parsed = configOf(params);
    if (parsed.config === undefined) {
      for (const line of parsed.problems) {
        problems.push(`${source}: combination ${describeParams(params)}: ${line}`);
      }
      continue;
    }
    const configHash = configHashOf(parsed.config);
    if (seen.has(configHash)) continue;
    seen.add(configHash);
    runs.push({ position: runs.length, params, configHash });
  }
  _report(problems);
  return { source, layers, base: resolved.config, parameters, random: request.random, runs };
}

/** The config of one run of the plan; throws an {@link InputError} if it is invalid. */
export function configOfRun(
  plan: Pick<SweepPlan, "layers" | "source">,
  params: Assignment,
): Config {
  const parsed = _parse(plan.layers, params);
  if (parsed.config === undefined) {
    throw new InputError(
      parsed.problems.map((line) =>
        `${plan.source}: combination ${describeParams(params)}: ${line}`
      ),
    );
  }
  return parsed.config;
}

/** The layer that sets a run's parameters (nested under their paths), above the base. */
export function parameterLayer(params: Assignment, source: string): ConfigLayer {
  const values: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(params)) setPath(values, path, value);
  return { kind: "file", name: `${source} parameters`, values };
}

/** `path=value` pairs, comma-separated, for messages and tables. */
export function describeParams(params: Assignment): string {
  return Object.entries(params).map(([k, v]) => `${k}=${_text(v)}`).join(", ");
}

function _text(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * A run's config: the base layers under the preset the highest layer names (the run's own
 * `preset` parameter included), the parameters on top, validated once. Problems as
 * `path: message` lines.
 */
function _parse(
  layers: readonly ConfigLayer[],
  params: Assignment,
): { config?: Config; problems: string[] } {
  const all = [...layers, parameterLayer(params, "")];
  const preset = presetOf(all);
  const parsed = parseConfig(
    mergeLayers(...(preset ? [PRESETS[preset].values] : []), ...all.map((l) => l.values)),
  );
  return parsed.ok ? { config: parsed.config, problems: [] } : {
    problems: parsed.problems.map((p) => `${p.path === "" ? "(top level)" : p.path}: ${p.message}`),
  };
}

/** Every parameter must be a config path, or a key under one that holds a mapping. */
function _checkPaths(source: string, parameters: readonly GridParameter[]): void {
  const params = listParams();
  const paths = params.map((p) => p.path);
  const mappings = params.filter((p) => p.kind.type === "record" || p.kind.type === "json")
    .map((p) => p.path);
  _report(parameters.flatMap((p) => {
    if (paths.includes(p.path) || mappings.some((m) => p.path.startsWith(`${m}.`))) return [];
    const guess = closest(p.path, paths);
    return [
      `${source}: parameters.${p.path}: no such config path${
        guess ? ` (did you mean "${guess}"?)` : ""
      } (docs/configuration.md lists them)`,
    ];
  }));
}

function _report(lines: readonly string[]): void {
  if (lines.length === 0) return;
  const shown = lines.slice(0, MAX_LINES);
  if (lines.length > MAX_LINES) shown.push(`... and ${lines.length - MAX_LINES} more problems`);
  throw new InputError(shown);
}
