/**
 * Loading a configuration: files (YAML or JSON) and flag layers merged over the
 * schema's defaults, validated once, every problem reported with its path.
 *
 * @module
 */
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { z } from "zod";
import { InputError } from "../errors.ts";
import { type Config, CONFIG_VERSION, configSchema } from "./schema.ts";
import { formatIssues, setKnownKeysProvider } from "./issues.ts";

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

/** Validates a merged configuration; throws an {@link InputError} listing every problem. */
export function validateConfig(input: unknown, source = "config"): Config {
  if (input !== null && typeof input === "object" && "version" in input) {
    const v = (input as { version: unknown }).version;
    if (typeof v === "number" && v !== CONFIG_VERSION) {
      throw new InputError(
        `${source}: version ${v} is not supported: this engine reads config version ${CONFIG_VERSION}` +
          (v < CONFIG_VERSION
            ? " (an older file: update its keys to the current reference, docs/configuration.md)"
            : " (written by a newer engine: upgrade)"),
      );
    }
  }
  const result = configSchema.safeParse(input);
  if (result.success) return deepFreeze(result.data);
  throw new InputError(formatIssues(result.error.issues, input).map((l) => `${source}: ${l}`));
}

/** Reads a YAML (`.yaml`, `.yml`) or JSON (`.json`) config file into a plain object, unvalidated. */
export async function readConfigFile(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    throw new InputError(`config file ${path}: cannot be read (${(error as Error).message})`, {
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
      `config file ${path}: must hold a mapping of sections, got ${typeof value}`,
    );
  }
  return value as Record<string, unknown>;
}

/** Merges layers left to right: later plain objects override earlier ones key by key; other values replace. */
export function mergeLayers(...layers: readonly unknown[]): Record<string, unknown> {
  let out: Record<string, unknown> = {};
  for (const layer of layers) out = mergeTwo(out, layer) as Record<string, unknown>;
  return out;
}

function mergeTwo(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
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
