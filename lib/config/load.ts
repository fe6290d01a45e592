/**
 * Loading a configuration: files (YAML or JSON) and flag layers merged over the
 * schema's defaults, validated once, every problem reported with its path.
 *
 * @module
 */
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { z } from "zod";
import { accessProblem, InputError } from "../errors.ts";
import { type Config, CONFIG_VERSION, configSchema } from "./schema.ts";
import {
  type ConfigProblem,
  configProblems,
  setKeyAliasProvider,
  setKnownKeysProvider,
} from "./issues.ts";
import { listParams } from "./params.ts";

export type { ConfigProblem } from "./issues.ts";

setKnownKeysProvider((path) => {
  let node: z.ZodType = configSchema;
  for (const key of path) {
    const shape = objectShape(node);
    const next = shape?.[String(key)];
    if (!next) return [];
    node = next;
  }
  return Object.keys(objectShape(node) ?? {});
});

setKeyAliasProvider((path, key) => {
  const squash = (text: string) => text.replace(/[^a-z0-9]/gi, "").toLowerCase();
  const parent = path.map(String).join(".");
  const param = listParams().find((p) =>
    p.path.slice(0, Math.max(0, p.path.lastIndexOf("."))) === parent &&
    (squash(p.flag) === squash(key) || squash(p.env) === squash(key))
  );
  return param?.path.slice(param.path.lastIndexOf(".") + 1);
});

function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  let s: z.ZodType = schema;
  for (let i = 0; i < 8; i++) {
    if (s instanceof z.ZodObject) return s.shape as Record<string, z.ZodType>;
    const def = (s as unknown as { def: { innerType?: z.ZodType; in?: z.ZodType } }).def;
    const inner = def.innerType ?? def.in;
    if (!inner) return undefined;
    s = inner;
  }
  return undefined;
}

/**
 * Refuses a config from another schema version with one clear message (before
 * its keys, which may have changed, produce a list of confusing ones).
 */
export function checkVersion(input: unknown, source: string): void {
  if (input === null || typeof input !== "object" || !("version" in input)) return;
  const v = (input as { version: unknown }).version;
  if (typeof v !== "number" || v === CONFIG_VERSION) return;
  throw new InputError(
    `${source}: version ${v} is not supported: this engine reads config version ${CONFIG_VERSION}` +
      (v < CONFIG_VERSION
        ? " (an older file: update its keys to the current reference, docs/configuration.md)"
        : " (written by a newer engine: upgrade)"),
  );
}

/** Validates a merged configuration; throws an {@link InputError} listing every problem. */
export function validateConfig(input: unknown, source = "config"): Config {
  checkVersion(input, source);
  const result = parseConfig(input);
  if (result.ok) return result.config;
  throw new InputError(
    result.problems.map((p) =>
      `${source}: ${p.path === "" ? "(top level)" : p.path}: ${p.message}`
    ),
  );
}

/** What {@link parseConfig} returns: a frozen config, or every problem with its path. */
export type ParsedConfig =
  | { readonly ok: true; readonly config: Config }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

/** Parses a merged configuration against the schema without throwing. */
export function parseConfig(input: unknown): ParsedConfig {
  const result = configSchema.safeParse(input);
  return result.success
    ? { ok: true, config: deepFreeze(result.data) }
    : { ok: false, problems: configProblems(result.error.issues, input) };
}

/** Reads a YAML (`.yaml`, `.yml`) or JSON (`.json`) config file into a plain object, unvalidated. */
export async function readConfigFile(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    throw accessProblem(error, "config file", path, "read") ??
      new InputError(`config file ${path}: cannot be read (${(error as Error).message})`, {
        cause: error,
      });
  }
  return parseConfigText(text, path);
}

/** Parses config text; the format follows the file name's extension (JSON, else YAML). */
export function parseConfigText(text: string, path: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = path.endsWith(".json") ? JSON.parse(text) : parseYaml(text, { prettyErrors: true });
  } catch (error) {
    const first = String((error as Error).message).split("\n")[0];
    throw new InputError(
      `config file ${path}: malformed ${path.endsWith(".json") ? "JSON" : "YAML"}: ${first}`,
      {
        cause: error,
      },
    );
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new InputError(
      `config file ${path}: must hold a mapping of sections, got ${
        Array.isArray(value) ? "a list" : typeof value
      }`,
    );
  }
  return value as Record<string, unknown>;
}

/**
 * Merges layers left to right: later plain objects override earlier ones key by
 * key; other values (lists included) replace. A tagged object whose `type`
 * changes (the commission model) is replaced whole, since its other keys
 * belong to the old type.
 */
export function mergeLayers(...layers: readonly unknown[]): Record<string, unknown> {
  let out: Record<string, unknown> = {};
  for (const layer of layers) out = mergeTwo(out, layer) as Record<string, unknown>;
  return out;
}

function mergeTwo(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  if ("type" in over && base.type !== over.type) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v !== undefined) out[k] = mergeTwo(out[k], v);
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** The configuration as YAML or JSON text, ready to be saved and loaded back to the same run. */
export function stringifyConfig(config: Config, format: "yaml" | "json"): string {
  return format === "json" ? JSON.stringify(config, null, 2) + "\n" : stringifyYaml(config);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
