/**
 * Parameter metadata: every leaf of the config schema declares its tier and a
 * one-line description beside it, so help text and the reference page are
 * generated from the schema (one source of truth).
 *
 * @module
 */
import type { z } from "zod";

/** How deep a user must go to need a parameter: basic holds what a first run needs. */
export const TIERS = ["basic", "intermediate", "advanced", "expert"] as const;
/** One of {@link TIERS}. */
export type Tier = typeof TIERS[number];

/** What the schema records beside a parameter. */
export type ParamMeta = {
  readonly tier: Tier;
  readonly description: string;
  /** The command-line flag, where it differs from the one derived from the config path. */
  readonly flag?: string;
  /** A string parameter holding an ISO date (`YYYY-MM-DD`). */
  readonly format?: "date";
};

/** Attaches tier and description to a schema leaf. */
export function param<T extends z.ZodType>(schema: T, meta: ParamMeta): T {
  return schema.meta({ ...meta }) as T;
}
