/**
 * Configuration sections of protection and the run's services: the protection
 * rules, the database, the audit log, the ledger of paper portfolios, the
 * report and the output folder.
 * Composed into the whole schema in schema.ts.
 *
 * @module
 */
import { z } from "zod";
import { param } from "./param.ts";

export const protectionSection = z.strictObject({
  coreAssets: param(z.boolean().default(true), {
    tier: "basic",
    description: "Core assets (score > 0.95): immune to grace and forced closure for 90 days",
    flag: "enable-core-assets",
  }),
  gracePeriods: param(z.boolean().default(true), {
    tier: "basic",
    description: "Grace periods: a falling score decays the position instead of closing it",
    flag: "enable-grace-periods",
  }),
  whipsaw: param(z.boolean().default(true), {
    tier: "basic",
    description: "Whipsaw protection: at most N open-close cycles per window",
    flag: "enable-whipsaw",
  }),
  holdingPeriod: param(z.boolean().default(true), {
    tier: "basic",
    description: "Minimum holding period before a close",
    flag: "enable-holding-period",
  }),
  regimeOverride: param(z.boolean().default(true), {
    tier: "basic",
    description: "A critical regime transition may bypass grace, holding and whipsaw rules",
    flag: "enable-regime-override",
  }),
  overrideDays: param(z.number().int().min(1).max(60).default(5), {
    tier: "advanced",
    description: "Trading days a critical transition's override authority lasts",
  }),
  coreThreshold: param(z.number().min(0).max(1).default(0.95), {
    tier: "advanced",
    description: "Score above which an asset becomes core",
  }),
  coreExpiryDays: param(z.number().int().min(1).default(90), {
    tier: "advanced",
    description: "Trading days a core designation lasts",
  }),
  coreRevokeUnderperformance: param(z.number().min(0).max(1).default(0.15), {
    tier: "advanced",
    description: "Core status is revoked when the asset trails its bucket by more than this",
  }),
  graceThreshold: param(z.number().min(0).max(1).default(0.6), {
    tier: "intermediate",
    description: "A held position scoring below this enters grace",
  }),
  graceDays: param(z.number().int().min(1).max(30).default(3), {
    tier: "intermediate",
    description: "Days of decay before grace expires and the position closes",
  }),
  graceDecay: param(z.number().gt(0).max(1).default(0.8), {
    tier: "advanced",
    description: "Size multiplier per day in grace (0.8 = 20% a day)",
  }),
  holdingDays: param(z.number().int().min(0).max(250).default(3), {
    tier: "intermediate",
    description: "Minimum trading days before a position may close",
  }),
  whipsawMaxCycles: param(z.number().int().min(1).default(1), {
    tier: "advanced",
    description: "Open-close cycles allowed per window",
  }),
  whipsawWindowDays: param(z.number().int().min(1).default(14), {
    tier: "advanced",
    description: "The whipsaw window in trading days",
  }),
});

export const databaseSection = z.strictObject({
  enabled: param(z.boolean().default(false), {
    tier: "basic",
    description:
      "Read regimes from PostgreSQL first (DATABASE_URL or DB_HOST..); compute where it has no row",
    flag: "enable-database",
  }),
});

export const auditSection = z.strictObject({
  enabled: param(z.boolean().default(true), {
    tier: "intermediate",
    description: "Record every decision in the run's audit log (results/<run>/audit.db)",
    flag: "audit",
  }),
  store: param(z.enum(["sqlite", "postgres"]).default("sqlite"), {
    tier: "intermediate",
    description:
      "Where the audit log goes: results/<run>/audit.db, or PostgreSQL (DATABASE_URL or DB_HOST..) for a shared store",
    flag: "audit-store",
  }),
  schema: param(z.string().regex(/^[a-z_][a-z0-9_]*$/).default("audit"), {
    tier: "advanced",
    description: "PostgreSQL schema of the shared audit store",
    flag: "audit-schema",
  }),
});

export const ledgerSection = z.strictObject({
  store: param(z.enum(["sqlite", "postgres"]).default("sqlite"), {
    tier: "intermediate",
    description:
      "Where paper portfolios are kept (deno task plan): a SQLite file each under ledger.dir, or PostgreSQL (DATABASE_URL or DB_HOST..)",
    flag: "ledger-store",
  }),
  dir: param(z.string().min(1).default("data/portfolios"), {
    tier: "intermediate",
    description: "Folder of the SQLite ledgers of paper portfolios, one file each",
    flag: "ledger-dir",
  }),
  schema: param(z.string().regex(/^[a-z_][a-z0-9_]*$/).default("ledger"), {
    tier: "advanced",
    description: "PostgreSQL schema of the ledger of paper portfolios",
    flag: "ledger-schema",
  }),
});

export const reportSection = z.strictObject({
  enabled: param(z.boolean().default(true), {
    tier: "basic",
    description: "Write the HTML report (report.html) beside the result",
    flag: "report",
  }),
  logScale: param(z.boolean().default(false), {
    tier: "intermediate",
    description: "Draw the equity curve on a log scale in the report",
    flag: "report-log-scale",
  }),
});

export const outputSection = z.strictObject({
  dir: param(z.string().min(1).default("results"), {
    tier: "basic",
    description: "Folder the results are written to",
    flag: "results-dir",
  }),
});
