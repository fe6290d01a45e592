/**
 * The flat list of parameters, walked from the schema: for each leaf its
 * config path, flag, kind, default, tier and description. Help text, the
 * reference page and the flag parser are all built from this list.
 *
 * @module
 */
import { z } from "zod";
import { configSchema } from "./schema.ts";
import type { ParamMeta, Tier } from "./param.ts";

/** How a parameter's flag value is read. */
export type ParamKind =
  | { readonly type: "number" }
  | { readonly type: "string" }
  | { readonly type: "date" }
  | { readonly type: "boolean" }
  | { readonly type: "enum"; readonly values: readonly string[] }
  | { readonly type: "list" }
  | { readonly type: "record" }
  | { readonly type: "json" };

/** One leaf of the configuration. */
export type ParamInfo = {
  /** Dotted config path, e.g. `broker.slippageBps`. */
  readonly path: string;
  /** Flag name without dashes, e.g. `broker-slippage-bps` or the schema's explicit one. */
  readonly flag: string;
  /** The environment variable that sets it: `ENGINE_` and the path in upper snake case. */
  readonly env: string;
  readonly kind: ParamKind;
  readonly tier: Tier;
  readonly description: string;
  /** The schema default, or undefined where the parameter is optional without one. */
  readonly defaultValue: unknown;
  /** A short type name for help text. */
  readonly typeName: string;
};

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  valueType?: z.ZodType;
  defaultValue?: unknown;
  entries?: Record<string, string>;
  values?: readonly unknown[];
  options?: readonly z.ZodType[];
};

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The environment variable of a config path: `sizing.maxSingle` -> `ENGINE_SIZING_MAX_SINGLE`. */
export function envName(path: string): string {
  return `ENGINE_${path.replace(/\./g, "_").replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

function kebab(path: string): string {
  return path.replace(/\./g, "-").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function unwrap(schema: z.ZodType): { core: z.ZodType; defaultValue: unknown; isDate: boolean } {
  let s = schema;
  let defaultValue: unknown = undefined;
  let isDate = false;
  for (let i = 0; i < 10; i++) {
    const def = defOf(s);
    if (def.type === "default" || def.type === "prefault") {
      const d = def.defaultValue;
      defaultValue = typeof d === "function" ? (d as () => unknown)() : d;
    }
    if (def.type === "pipe" || def.type === "transform") isDate = true;
    const inner = def.innerType ?? def.in;
    if (!inner) break;
    s = inner;
  }
  return { core: s, defaultValue, isDate };
}

function kindOf(core: z.ZodType, schemaText: string): { kind: ParamKind; typeName: string } {
  const def = defOf(core);
  switch (def.type) {
    case "number":
      return { kind: { type: "number" }, typeName: "number" };
    case "boolean":
      return { kind: { type: "boolean" }, typeName: "boolean" };
    case "string":
      return schemaText === "date"
        ? { kind: { type: "date" }, typeName: "YYYY-MM-DD" }
        : { kind: { type: "string" }, typeName: "string" };
    case "enum": {
      const values = Object.values(def.entries ?? {});
      return { kind: { type: "enum", values }, typeName: values.join("|") };
    }
    case "literal":
      return { kind: { type: "number" }, typeName: String(def.values?.[0]) };
    case "array":
      return { kind: { type: "list" }, typeName: "a,b,..." };
    case "union": // one value or a list of them (run.benchmark): the flag takes the list
      return (def.options ?? []).some((o) => defOf(o).type === "array")
        ? { kind: { type: "list" }, typeName: "a,b,..." }
        : { kind: { type: "json" }, typeName: "JSON" };
    case "record":
      return def.valueType && defOf(def.valueType).type === "array"
        ? { kind: { type: "json" }, typeName: "JSON" }
        : { kind: { type: "record" }, typeName: "key=value" };
    default:
      return { kind: { type: "json" }, typeName: "JSON" };
  }
}

function walk(schema: z.ZodType, prefix: string, out: ParamInfo[]): void {
  const { core } = unwrap(schema);
  if (!(core instanceof z.ZodObject) || defOf(schema).type === "optional") return;
  for (const [key, child] of Object.entries(core.shape as Record<string, z.ZodType>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const meta = z.globalRegistry.get(child) as ParamMeta | undefined;
    if (!meta) {
      walk(child, path, out);
      continue;
    }
    const u = unwrap(child);
    const { kind, typeName } = kindOf(u.core, meta.format ?? "");
    out.push({
      path,
      flag: meta.flag ?? kebab(path),
      env: envName(path),
      kind,
      tier: meta.tier,
      description: meta.description,
      defaultValue: u.defaultValue,
      typeName,
    });
  }
}

let cache: readonly ParamInfo[] | undefined;

/** Every parameter of the configuration schema, in schema order. */
export function listParams(): readonly ParamInfo[] {
  if (!cache) {
    const out: ParamInfo[] = [];
    walk(configSchema as unknown as z.ZodType, "", out);
    cache = Object.freeze(out);
  }
  return cache;
}
