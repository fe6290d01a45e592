/**
 * Choosing the event store by config: SQLite (the default), PostgreSQL (a
 * store shared by a team), memory, or none (a run without auditing).
 *
 * @module
 */
import { z } from "zod";
import { InputError } from "../errors.ts";
import { type EventSink, MemorySink, NullSink } from "./event_sink.ts";
import { PostgresAuditReader } from "./postgres_reader.ts";
import { PostgresEventStore } from "./postgres_store.ts";
import type { AuditReader } from "./query_types.ts";
import { SqliteAuditReader } from "./sqlite_reader.ts";
import { SqliteEventStore } from "./sqlite_store.ts";

/** Which store a run audits into (the parsed config section). */
export type AuditStoreConfig =
  | { readonly kind: "sqlite"; readonly path: string; readonly batchSize?: number | undefined }
  | {
    readonly kind: "postgres";
    readonly url: string;
    readonly schema: string;
    readonly batchSize?: number | undefined;
  }
  | { readonly kind: "memory" }
  | { readonly kind: "none" };

const _schema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("sqlite"),
    path: z.string().min(1).default("results/audit.db"),
    batchSize: z.number().int().positive().optional(),
  }),
  z.strictObject({
    kind: z.literal("postgres"),
    url: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL"),
    schema: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).default("audit"),
    batchSize: z.number().int().positive().optional(),
  }),
  z.strictObject({ kind: z.literal("memory") }),
  z.strictObject({ kind: z.literal("none") }),
]);

/**
 * Parses the config section that picks the store (strict: unknown keys fail;
 * defaults filled in); every problem is reported with its path under `where`.
 */
export function parseAuditStoreConfig(value: unknown, where = "audit"): AuditStoreConfig {
  const result = _schema.safeParse(value);
  if (result.success) return result.data;
  throw new InputError(
    result.error.issues.map((issue) =>
      `${[where, ...issue.path.map(String)].join(".")}: ${issue.message}`
    ),
  );
}

/** Opens the sink the config names. */
export async function openEventSink(config: AuditStoreConfig): Promise<EventSink> {
  switch (config.kind) {
    case "sqlite":
      return SqliteEventStore.open(config.path, _batch(config.batchSize));
    case "postgres":
      return await PostgresEventStore.open({
        url: config.url,
        schema: config.schema,
        ..._batch(config.batchSize),
      });
    case "memory":
      return new MemorySink();
    case "none":
      return new NullSink();
  }
}

/** Opens a reader on the store the config names (SQLite read-only); memory and none have none. */
export async function openAuditReader(config: AuditStoreConfig): Promise<AuditReader> {
  switch (config.kind) {
    case "sqlite":
      return SqliteAuditReader.open(config.path);
    case "postgres":
      return await PostgresAuditReader.open(config.url, config.schema);
    case "memory":
    case "none":
      throw new RangeError(
        `Cannot read an audit store as kind must be sqlite or postgres: current value is ${config.kind}`,
      );
  }
}

function _batch(batchSize: number | undefined): { batchSize?: number } {
  return batchSize === undefined ? {} : { batchSize };
}
