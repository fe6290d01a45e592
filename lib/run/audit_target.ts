/**
 * Where the configuration sends a run's audit log. This is an edge: it reads
 * the database settings from the environment.
 *
 * @module
 */
import { join } from "node:path";
import type { Config } from "../config/schema.ts";
import { databaseUrlFromEnv } from "../audit/database_url.ts";
import { InputError } from "../errors.ts";
import type { AuditTarget } from "./run_audit.ts";

/** An environment variable, or undefined when it is unset or the task may not read it. */
export function readEnv(name: string): string | undefined {
  try {
    return Deno.env.get(name);
  } catch (error) {
    if (error instanceof Deno.errors.NotCapable || error instanceof Deno.errors.PermissionDenied) {
      return undefined;
    }
    throw error;
  }
}

/** The audit target of a run whose folder is `folder`. */
export function auditTarget(config: Config, folder: string): AuditTarget {
  if (config.audit.store === "sqlite") return { store: "sqlite", path: join(folder, "audit.db") };
  const url = databaseUrlFromEnv(readEnv);
  if (url === null) {
    throw new InputError(
      "audit.store: postgres needs a database: set DATABASE_URL (or DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD)",
    );
  }
  return { store: "postgres", url, schema: config.audit.schema };
}
