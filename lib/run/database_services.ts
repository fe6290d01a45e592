/**
 * The research database of a run or a scan, from the environment: opened when
 * the configuration enables it, handed to the regime provider and the scanner
 * as readers, closed at the end.
 *
 * Rules (the seed's "database first", with the fallbacks of the design):
 * - Not enabled: nothing is read from the environment and nothing is opened.
 * - Enabled, no database configured (no DATABASE_URL, DB_HOST or DB_NAME): the
 *   readers are undefined; the regime provider and the scanner each say so in
 *   one info line and compute.
 * - Enabled and configured: the client is lazy (no network until the first
 *   query), so an unreachable server or missing tables surface as a
 *   ServiceError on the first read, which the provider and the scanner turn into
 *   one warning before computing. A malformed variable (a bad DATABASE_URL) is
 *   the user's to fix: an InputError naming it.
 *
 * @module
 */
import { connectionFromEnv, describeConnection } from "../db/connection.ts";
import { type Database, openDatabase, type OpenOptions } from "../db/database.ts";
import { type ResearchReader, researchReader } from "../db/research_repository.ts";
import { type ScannerReader, scannerReader } from "../db/scanner_repository.ts";
import type { RegimeLogger } from "../market/regime_provider.ts";

/** What {@link openDatabaseServices} needs. */
export type DatabaseServicesInit = {
  /** `config.database.enabled` (or a flag that needs the database, such as `--save`). */
  readonly enabled: boolean;
  /** Reads an environment variable (scripts pass `Deno.env.get`). */
  readonly env: (name: string) => string | undefined;
  /** Where the readers' info lines and warnings go. */
  readonly logger: RegimeLogger;
  /** Options of the client (tests put a scratch schema on the search path). */
  readonly open?: OpenOptions;
};

/** The database of a run, when enabled, and what reads it. */
export type DatabaseServices = {
  /** "disabled", "not configured" (enabled, no variables set) or "opened" (lazily: not yet reached). */
  readonly status: "disabled" | "not configured" | "opened";
  /** The open client; undefined unless opened. */
  readonly database: Database | undefined;
  /** Where it points, password hidden; undefined unless opened. */
  readonly description: string | undefined;
  /** The research table's reader, for the regime provider. */
  readonly research: ResearchReader | undefined;
  /** The scanner table's reader, for database-first scans. */
  readonly scanner: ScannerReader | undefined;
  /** `executeRun`'s `database` context: undefined when disabled. */
  readonly runContext:
    | { readonly research: ResearchReader | undefined; readonly logger: RegimeLogger }
    | undefined;
  /** Closes the client (nothing to do when none was opened). */
  readonly close: () => Promise<void>;
};

/**
 * Opens the database the environment names when `enabled` (see the module doc).
 *
 * @example Enabled but not configured: no client, and the run gets a context without a reader
 * ```ts
 * import assert from "node:assert/strict";
 * import { openDatabaseServices } from "./database_services.ts";
 *
 * const logger = { info: () => {}, warn: () => {} };
 * const services = openDatabaseServices({ enabled: true, env: () => undefined, logger });
 * assert.equal(services.status, "not configured");
 * assert.equal(services.runContext?.research, undefined);
 * assert.equal(services.runContext?.logger, logger);
 * await services.close();
 * const off = openDatabaseServices({ enabled: false, env: () => "postgres://x@h/d", logger });
 * assert.equal(off.status, "disabled");
 * assert.equal(off.runContext, undefined);
 * ```
 */
export function openDatabaseServices(init: DatabaseServicesInit): DatabaseServices {
  const none = {
    database: undefined,
    description: undefined,
    research: undefined,
    scanner: undefined,
  };
  if (!init.enabled) {
    return { status: "disabled", ...none, runContext: undefined, close: () => Promise.resolve() };
  }
  const connection = connectionFromEnv(init.env);
  if (connection === undefined) {
    return {
      status: "not configured",
      ...none,
      runContext: { research: undefined, logger: init.logger },
      close: () => Promise.resolve(),
    };
  }
  const database = openDatabase(connection, init.open ?? {});
  const research = researchReader(database);
  return {
    status: "opened",
    database,
    description: describeConnection(connection),
    research,
    scanner: scannerReader(database),
    runContext: { research, logger: init.logger },
    close: () => database.close(),
  };
}

/**
 * A logger for scripts: info lines as `info: ...` and warnings as `warning: ...`,
 * both on stderr so that `--json` output stays clean.
 */
export const stderrLogger: RegimeLogger = {
  info: (message) => console.error(`info: ${message}`),
  warn: (message) => console.error(`warning: ${message}`),
};
