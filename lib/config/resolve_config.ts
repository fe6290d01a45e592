/**
 * The effective configuration from its layers, without I/O: the preset named
 * by the highest layer that names one goes below the others, the layers merge
 * over the schema's defaults (defaults < preset < file < environment < flags),
 * the result is validated once, and every value gets its origin. A problem
 * names where the bad value came from, then its path:
 * `my.yaml: sizing.maxSingle: must be <= 1, got 1.5`,
 * `ENGINE_RUN_CASH: run.cash: must be > 0, got -5`, `--cash: ...`.
 *
 * @module
 */
import { InputError } from "../errors.ts";
import type { Config, PresetName } from "./schema.ts";
import { checkVersion, mergeLayers, parseConfig } from "./load.ts";
import { isPresetName, PRESETS } from "./presets.ts";
import { listParams } from "./params.ts";
import { type ConfigLayer, layerOrigin, layerSetting, type Origin, originLabel } from "./layers.ts";
import { type ProvenanceEntry, provenanceOf } from "./provenance.ts";

/** A validated configuration with the layers it came from and each value's origin. */
export type ResolvedConfig = {
  readonly config: Config;
  /** The layers applied, lowest precedence first (the preset's included). */
  readonly layers: readonly ConfigLayer[];
  readonly provenance: readonly ProvenanceEntry[];
};

/** The preset named by the highest layer that names one (a name that is no preset gives none). */
export function presetOf(layers: readonly ConfigLayer[]): PresetName | undefined {
  const name = layerSetting(layers, "preset")?.values.preset;
  return isPresetName(name) ? name : undefined;
}

/**
 * Merges `layers` (file, env and flag layers, lowest precedence first) over the
 * preset they name and the schema's defaults, and validates the result; throws
 * an {@link InputError} listing every problem with its origin and path.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { resolveConfig } from "./resolve_config.ts";
 *
 * const { config, provenance } = resolveConfig([
 *   { kind: "file", name: "my.yaml", values: { preset: "conservative", run: { cash: 1000 } } },
 *   { kind: "flags", name: "command line", values: { run: { cash: 5000 } } },
 * ]);
 * assert.equal(config.run.cash, 5000);
 * const origin = (path: string) => provenance.find((e) => e.path === path)?.origin;
 * assert.equal(origin("run.cash"), "flag:--cash");
 * assert.equal(origin("sizing.maxSingle"), "preset:conservative");
 * assert.equal(origin("run.benchmark"), "default");
 * ```
 */
export function resolveConfig(layers: readonly ConfigLayer[]): ResolvedConfig {
  for (const layer of layers) {
    if (layer.kind === "file") checkVersion(layer.values, layer.name);
  }
  const preset = presetOf(layers);
  const all: ConfigLayer[] = preset === undefined
    ? [...layers]
    : [{ kind: "preset", name: preset, values: PRESETS[preset].values }, ...layers];
  const merged = mergeLayers(...all.map((l) => l.values));
  const parsed = parseConfig(merged);
  if (!parsed.ok) {
    throw new InputError(parsed.problems.map((p) => {
      const where = originLabel(originOfPath(all, p.path));
      const path = p.path === "" ? "(top level)" : p.path;
      return where === "" ? `${path}: ${p.message}` : `${where}: ${path}: ${p.message}`;
    }));
  }
  return { config: parsed.config, layers: all, provenance: provenanceOf(parsed.config, all) };
}

/** The origin of the value at `path` or, failing that, of its nearest parent a layer sets. */
function originOfPath(layers: readonly ConfigLayer[], path: string): Origin {
  const keys = path.split(".");
  for (let n = keys.length; n > 0; n--) {
    const prefix = keys.slice(0, n).join(".");
    const layer = layerSetting(layers, prefix);
    if (layer) {
      const param = listParams().find((p) => prefix === p.path || prefix.startsWith(`${p.path}.`));
      return layerOrigin(layer, param);
    }
  }
  return "default";
}
