/**
 * Configuration: the strict zod schema (single source of truth, with each
 * parameter's tier and description), YAML/JSON files, layers, flags and help.
 *
 * @module
 */
export * from "./schema.ts";
export { type ParamMeta, type Tier, TIERS } from "./param.ts";
export * from "./params.ts";
export * from "./load.ts";
export * from "./flags.ts";
export * from "./help.ts";
export * from "./hash.ts";
