/**
 * Configuration: the strict zod schema (single source of truth, with each
 * parameter's tier and description), presets, YAML/JSON files, the
 * environment and flag layers with each value's provenance, and help.
 *
 * @module
 */
export {
  type BrokerConfig,
  type Config,
  CONFIG_VERSION,
  type ConfigInput,
  PRESET_NAMES,
  type PresetName,
} from "./schema.ts";
export type { CommissionConfig, DeepPartial, RegimeKey } from "./config_types.ts";
export { type ParamMeta, type Tier, TIERS } from "./param.ts";
export * from "./params.ts";
export * from "./load.ts";
export * from "./flags.ts";
export * from "./help.ts";
export * from "./hash.ts";
export * from "./presets.ts";
export * from "./layers.ts";
export * from "./env_layer.ts";
export * from "./provenance.ts";
export * from "./resolve_config.ts";
export * from "./load_config.ts";
export * from "./show_config.ts";
export * from "./bucket_file.ts";
export * from "./bucket_assignment.ts";
