/**
 * The run configuration: one strict zod schema, defaults in the schema, types
 * inferred from it. Unknown keys are errors; cross-field rules name their path.
 *
 * @module
 */
import { z } from "zod";
import { param } from "./param.ts";
import type { Config, ConfigInput } from "./config_types.ts";
import { crossFieldProblems } from "./cross_field.ts";
import { brokerSection, dataSection, runSection, strategySection } from "./schema_run.ts";
import {
  bucketsSection,
  fallbackSection,
  rebalanceSection,
  scoringSection,
  sizingSection,
  universeSection,
} from "./schema_portfolio.ts";
import {
  auditSection,
  databaseSection,
  ledgerSection,
  outputSection,
  protectionSection,
  reportSection,
} from "./schema_services.ts";

/** The schema version this code reads and writes. */
export const CONFIG_VERSION = 1;

/** The presets a config may name (their values live in presets.ts). */
export const PRESET_NAMES = ["conservative", "aggressive", "adaptive", "institutional"] as const;
/** One of {@link PRESET_NAMES}. */
export type PresetName = typeof PRESET_NAMES[number];

/** The whole run configuration. */
export const configSchema = z.strictObject({
  version: param(z.literal(CONFIG_VERSION).default(CONFIG_VERSION), {
    tier: "expert",
    description: "Schema version of this config file",
  }),
  preset: param(z.enum(PRESET_NAMES).optional(), {
    tier: "basic",
    description:
      "A preset layered under the config file: conservative, aggressive, adaptive or institutional",
    flag: "preset",
  }),
  run: runSection.prefault({}),
  data: dataSection.prefault({}),
  strategy: strategySection.prefault({}),
  broker: brokerSection.prefault({}),
  rebalance: rebalanceSection.prefault({}),
  buckets: bucketsSection.prefault({}),
  universe: universeSection.prefault({}),
  scoring: scoringSection.prefault({}),
  sizing: sizingSection.prefault({}),
  fallback: fallbackSection.prefault({}),
  protection: protectionSection.prefault({}),
  database: databaseSection.prefault({}),
  audit: auditSection.prefault({}),
  ledger: ledgerSection.prefault({}),
  report: reportSection.prefault({}),
  output: outputSection.prefault({}),
}).superRefine((c, ctx) => {
  for (const p of crossFieldProblems(c)) {
    ctx.addIssue({ code: "custom", path: [...p.path], message: p.message });
  }
}, { when: () => true });

export type { Config, ConfigInput } from "./config_types.ts";
/** The broker section. */
export type BrokerConfig = Config["broker"];

// The written-out types must be the schema's: each assignable to the other.
type _Inferred = z.infer<typeof configSchema>;
type _Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _configTypesMatch: _Same<_Inferred, Config> = true;
const _inputTypesCover: [z.input<typeof configSchema>] extends [ConfigInput] ? true : false = true;
void _configTypesMatch, _inputTypesCover;
