/**
 * The grid file of a sweep (YAML or JSON): what to vary, by config path, and
 * the base the runs share. Parsed strictly: every problem is listed at once
 * with its path (`grid.yaml: parameters.sizing.minScore: must list at least
 * 1, got an empty list`), an unknown key gets a did-you-mean.
 *
 * ```yaml
 * name: sizing-protection        # the sweep's name (default: the file's name)
 * config: base.yaml              # a config file under the grid (relative to this file)
 * preset: conservative           # a preset under both
 * base:                          # config values, as a config file holds them
 *   run: { start: 2019-01-02 }
 * parameters:                    # config path -> a list of values, or a range
 *   sizing.minScore: [0.6, 0.65, 0.7]
 *   sizing.maxSingle: { from: 0.1, to: 0.2, step: 0.05 }
 *   rebalance.frequency: [weekly, monthly]
 * random: { count: 20, seed: 7 } # a random search over the same space
 * metric: sharpe                 # what the runs are ranked by
 * ```
 *
 * @module
 */
import { dirname, isAbsolute, join } from "node:path";
import { z } from "zod";
import { closest, configProblems } from "../config/issues.ts";
import type { ConfigLayer } from "../config/layers.ts";
import { parseConfigText, readConfigFile } from "../config/load.ts";
import { InputError } from "../errors.ts";
import { METRIC_NAMES } from "./sweep_metric.ts";
import { SWEEP_NAME } from "./sweep_name.ts";

const json: z.ZodType<unknown> = z.unknown().refine((v) => v !== undefined, "must have a value");

const range = z.object({
  from: z.number(),
  to: z.number(),
  step: z.number().positive(),
}).strict();

const valueSpec = z.union([z.array(json).min(1), range], {
  error: "must be a list of values or a range { from, to, step }",
});

/** A parameter's values as the file gives them: a list, or a range with a step. */
export type ValueSpec = readonly unknown[] | {
  readonly from: number;
  readonly to: number;
  readonly step: number;
};

/** Random search: how many runs, drawn with which seed. */
export type RandomSearch = { readonly count: number; readonly seed: number };

const gridSchema = z.object({
  name: z.string().regex(SWEEP_NAME, "must be lower-case letters, digits, '.', '_' or '-'")
    .optional(),
  config: z.string().min(1).optional(),
  preset: z.string().optional(),
  base: z.record(z.string(), json).optional(),
  parameters: z.record(z.string(), valueSpec).refine(
    (p) => Object.keys(p).length > 0,
    "must name at least one config path to vary",
  ),
  random: z.object({
    count: z.number().int().positive(),
    seed: z.number().int().refine(Number.isSafeInteger, "must be a safe integer").optional(),
  }).strict().optional(),
  metric: z.enum(METRIC_NAMES).optional(),
}).strict();

/** A parsed grid file. */
export type GridFile = {
  /** The file's path, as given (messages name it). */
  readonly path: string;
  readonly name?: string | undefined;
  /** The base config file's path, resolved against the grid file's folder. */
  readonly config?: string | undefined;
  readonly preset?: string | undefined;
  readonly base?: Readonly<Record<string, unknown>> | undefined;
  readonly parameters: Readonly<Record<string, ValueSpec>>;
  readonly random?: { readonly count: number; readonly seed?: number | undefined } | undefined;
  readonly metric?: typeof METRIC_NAMES[number] | undefined;
};

const KEYS = Object.keys(gridSchema.shape);

/** Parses grid file text (YAML, or JSON for a `.json` path); an {@link InputError} lists every problem. */
export function parseGridText(text: string, path: string): GridFile {
  let raw: Record<string, unknown>;
  try {
    raw = parseConfigText(text, path);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(error.message.replace(/^config file /, "grid file "), { cause: error });
  }
  const parsed = gridSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InputError(parsed.error.issues.flatMap((issue) => {
      if (issue.code === "unrecognized_keys" && issue.path.length === 0) {
        return issue.keys.map((key) => {
          const guess = closest(key, KEYS);
          return `${path}: ${key}: unknown key${guess ? ` (did you mean "${guess}"?)` : ""}`;
        });
      }
      return configProblems([issue], raw).map((p) =>
        `${path}: ${p.path === "" ? "(top level)" : p.path}: ${p.message}`
      );
    }));
  }
  const g = parsed.data;
  const config = g.config === undefined
    ? undefined
    : isAbsolute(g.config)
    ? g.config
    : join(dirname(path), g.config);
  return {
    path,
    name: g.name,
    config,
    preset: g.preset,
    base: g.base,
    parameters: g.parameters as Record<string, ValueSpec>,
    random: g.random,
    metric: g.metric,
  };
}

/** Reads and parses a grid file; a missing or malformed file is an {@link InputError}. */
export async function readGridFile(path: string): Promise<GridFile> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    throw new InputError(`grid file ${path}: cannot be read (${(error as Error).message})`, {
      cause: error,
    });
  }
  return parseGridText(text, path);
}

/**
 * The base layers a grid file gives, lowest first: the config file it names,
 * then its own `base` values and `preset` (named after the grid file).
 */
export async function gridLayers(grid: GridFile): Promise<ConfigLayer[]> {
  const layers: ConfigLayer[] = [];
  if (grid.config !== undefined) {
    layers.push({ kind: "file", name: grid.config, values: await readConfigFile(grid.config) });
  }
  const own = {
    ...(grid.base ?? {}),
    ...(grid.preset === undefined ? {} : { preset: grid.preset }),
  };
  if (Object.keys(own).length > 0) layers.push({ kind: "file", name: grid.path, values: own });
  return layers;
}
