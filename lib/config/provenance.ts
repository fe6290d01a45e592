/**
 * Provenance: for each value of the effective configuration, the layer it came
 * from. Map parameters (`strategy.params`) are traced key by key, since their
 * keys may come from different layers.
 *
 * @module
 */
import type { Config } from "./schema.ts";
import { listParams } from "./params.ts";
import { type ConfigLayer, layerOrigin, layerSetting, type Origin, valueAtPath } from "./layers.ts";

/** One value of the effective configuration and where it came from. */
export type ProvenanceEntry = {
  /** Dotted path, e.g. `sizing.maxSingle` or `strategy.params.period`. */
  readonly path: string;
  /** The effective value (undefined for an optional parameter nobody set). */
  readonly value: unknown;
  readonly origin: Origin;
};

/** Every value of `config` (in schema order) with the layer that set it, or `default`. */
export function provenanceOf(config: Config, layers: readonly ConfigLayer[]): ProvenanceEntry[] {
  const out: ProvenanceEntry[] = [];
  for (const p of listParams()) {
    const value = valueAtPath(config, p.path);
    const origin = (path: string): Origin => {
      const layer = layerSetting(layers, path);
      return layer ? layerOrigin(layer, p) : "default";
    };
    const keys = p.kind.type === "record" && value !== null && typeof value === "object"
      ? Object.keys(value)
      : [];
    if (keys.length === 0) {
      out.push({ path: p.path, value, origin: origin(p.path) });
      continue;
    }
    for (const key of keys) {
      const path = `${p.path}.${key}`;
      out.push({ path, value: (value as Record<string, unknown>)[key], origin: origin(path) });
    }
  }
  return out;
}
