/**
 * The one way a script loads its configuration: the command line (flags and
 * `--config FILE`), the config file (YAML or JSON), the environment
 * (`ENGINE_*`) and the preset any of them names, merged with provenance and
 * validated once.
 *
 * @module
 */
import { type ExtraFlags, parseConfigFlags, type ParsedFlags } from "./flags.ts";
import { readConfigFile } from "./load.ts";
import { envLayer, type EnvLookup } from "./env_layer.ts";
import type { ConfigLayer } from "./layers.ts";
import { resolveConfig, type ResolvedConfig } from "./resolve_config.ts";
import { applyBucketFile } from "./bucket_file.ts";

/** What {@link loadConfig} reads. */
export type LoadConfigOptions = {
  /** The command line: config flags, `--config FILE`, and the script's own flags (`extra`). */
  readonly args: readonly string[];
  /** The environment (`Deno.env.get`); without it the environment layer is empty. */
  readonly env?: EnvLookup;
  /** The script's own flags beside the configuration's (`--json`, `--save-config`...). */
  readonly extra?: ExtraFlags;
  readonly allowPositionals?: boolean;
  /** Layers under the config file, lowest first (a sweep's grid file and the config file it names). */
  readonly below?: readonly ConfigLayer[];
};

/** A loaded configuration: validated, with each value's origin, and the script's own flags. */
export type LoadedConfig = ResolvedConfig & {
  readonly extra: ParsedFlags["extra"];
  readonly positionals: readonly string[];
  /** The `--config` file, if one was given. */
  readonly configPath: string | undefined;
};

/**
 * Loads the effective configuration (defaults < preset < file < environment <
 * flags) and applies its bucket file (`buckets.file`) to `buckets.map`; an
 * {@link InputError} lists every problem, each naming its source.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const flags = parseConfigFlags(
    options.args,
    { config: { type: "string" }, ...options.extra },
    options.allowPositionals ?? false,
  );
  const configPath = typeof flags.extra.config === "string" ? flags.extra.config : undefined;
  const layers: ConfigLayer[] = [...(options.below ?? [])];
  if (configPath !== undefined) {
    layers.push({ kind: "file", name: configPath, values: await readConfigFile(configPath) });
  }
  if (options.env) {
    layers.push({ kind: "env", name: "environment", values: envLayer(options.env) });
  }
  layers.push({ kind: "flags", name: "command line", values: flags.layer });
  const resolved = resolveConfig(layers);
  const config = await applyBucketFile(resolved.config);
  return {
    ...resolved,
    config,
    provenance: config === resolved.config
      ? resolved.provenance
      : resolved.provenance.map((e) =>
        e.path === "buckets.map"
          ? { ...e, value: config.buckets.map, origin: `file:${config.buckets.file}` as const }
          : e
      ),
    extra: flags.extra,
    positionals: flags.positionals,
    configPath,
  };
}
