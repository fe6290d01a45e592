/**
 * Config layers and where a value came from. The effective configuration is
 * the schema's defaults overlaid by, in order, a preset, the config file, the
 * environment (`ENGINE_*`) and the command line; each layer is a partial config
 * and remembers its kind so every value can name its origin.
 *
 * @module
 */
import type { ParamInfo } from "./params.ts";

/** The kinds of layer, lowest precedence first (the schema's defaults lie below them all). */
export const LAYER_KINDS = ["preset", "file", "env", "flags"] as const;
/** One of {@link LAYER_KINDS}. */
export type LayerKind = typeof LAYER_KINDS[number];

/**
 * Where a value came from: `default`, `preset:NAME`, `file:PATH`,
 * `env:ENGINE_...` or `flag:--name`.
 */
export type Origin =
  | "default"
  | `preset:${string}`
  | `file:${string}`
  | `env:${string}`
  | `flag:--${string}`;

/** A partial configuration from one source. */
export type ConfigLayer = {
  readonly kind: LayerKind;
  /** The preset's name or the file's path; for env and flags, `environment` and `command line`. */
  readonly name: string;
  readonly values: Readonly<Record<string, unknown>>;
};

/** The origin of a value a layer sets; `param` names the variable or flag of env and flag layers. */
export function layerOrigin(layer: ConfigLayer, param: ParamInfo | undefined): Origin {
  switch (layer.kind) {
    case "preset":
      return `preset:${layer.name}`;
    case "file":
      return `file:${layer.name}`;
    case "env":
      return `env:${param?.env ?? "ENGINE_*"}`;
    case "flags":
      return `flag:--${param?.flag ?? "?"}`;
  }
}

/** How an origin prefixes a problem: the file path, the variable, the flag or `preset NAME`. */
export function originLabel(origin: Origin): string {
  if (origin === "default") return "";
  const [kind, ...rest] = origin.split(":");
  const name = rest.join(":");
  return kind === "preset" ? `preset ${name}` : name;
}

/** The value at a dotted path of a nested object, or undefined. */
export function valueAtPath(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The last layer (highest precedence) that sets `path`, if any. */
export function layerSetting(
  layers: readonly ConfigLayer[],
  path: string,
): ConfigLayer | undefined {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i];
    if (layer && valueAtPath(layer.values, path) !== undefined) return layer;
  }
  return undefined;
}

/** Sets the value at a dotted path, creating the objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node = (node[key] ??= {}) as Record<string, unknown>;
  }
  node[keys[keys.length - 1] as string] = value;
}
