/**
 * The SQLite event store's schema, and opening a file as a store: created when
 * new, checked when not (a file that is not an event store, or one with a newer
 * schema, is an {@link InputError}).
 *
 * Design decision: writes go to coded columns (`events` holds integer codes for
 * the event type, asset, action, regime and session; times are epoch ms) and
 * no per-event secondary index; a `portfolio_events` view gives the seed's
 * column names and text values, so the seed's SQL runs unchanged. Timeline
 * lookups use `postings` (one row per asset per chunk of at most
 * {@link POSTING_CHUNK} consecutive rows: asset, asOf range, id range) and
 * session lookups use each session's id range. This keeps inserts at about the
 * speed of an unindexed table (a per-event index on (asset, asOf) costs over
 * half the write speed, measured here) while queries stay index-driven.
 *
 * Design decision (schema 2): the broker's order events (placed and filled,
 * the bulk of a large run's log) are stored a group to a row in
 * `event_groups`: consecutive events of one session, day, side and order
 * type, their own fields (asset code, order id, shares, price, commission,
 * reason) as a JSON array of arrays in `items`, the event ids
 * `first_event` to `last_event`. The view expands each group with `json_each`
 * and rebuilds the seed's columns; numbers are spliced in as the JSON text
 * JavaScript wrote, so `reason` and `metadata` read exactly as for an event
 * stored on its own. 160,000 order events of a 500-asset run are about 1,000
 * rows instead of 160,000, which is what made the log cheap enough to keep on
 * at scale (see docs/design.md, "The audit log at scale").
 *
 * The view's `timestamp` is the event's asOf (market time), as `YYYY-MM-DD`
 * for a date or `YYYY-MM-DD HH:MM:SS` for an intraday time (SQLite's own
 * formats, so comparisons with `date(...)` work); `recorded_at` is the wall
 * clock. `date('now', '-30 days')` therefore compares simulated time with
 * today: for backtests, count back from `(SELECT max(timestamp) FROM portfolio_events)`.
 *
 * @module
 */
import { DatabaseSync } from "node:sqlite";
import { accessProblem, InputError } from "../errors.ts";

/** The schema version this code writes and reads (`PRAGMA user_version`). */
export const SCHEMA_VERSION = 2;

/** Marks a SQLite file as an audit event store (`PRAGMA application_id`, "AUDT"). */
export const APPLICATION_ID = 0x41554454;

/**
 * Rows (events stored one a row, and groups) per posting row (per asset);
 * bounds the rows a timeline scans past its asset. Design decision: 4,096,
 * not 1,024: when every asset has events in every chunk (an equal-weight
 * rebalance of 500 assets places and fills an order for each), postings were
 * one row for every two events and their inserts cost as much as the events';
 * at 4,096 they are one for eight, and a timeline on 1,000,000 events still
 * takes about 3 ms (event_store_bench.ts). A group counts as one row (its
 * events are read only when its day is in the timeline's window), so a run's
 * order groups need a few postings per asset, not one per 4,096 events.
 */
export const POSTING_CHUNK = 4096;

/** Milliseconds a writer waits for another writer's transaction before failing. */
export const BUSY_TIMEOUT_MS = 30_000;

const _AS_TEXT = (column: string) =>
  `CASE WHEN ${column} % 86400000 = 0 THEN date(${column} / 1000, 'unixepoch') ` +
  `ELSE strftime('%Y-%m-%d %H:%M:%S', ${column} / 1000.0, 'unixepoch') END`;

/** Selects the view's columns for events `e` (with joins); shared by the view and the queries. */
export const EVENT_COLUMNS_SQL = `
  e.id AS id, t.event_type AS event_type, t.event_category AS event_category,
  a.name AS asset, ac.name AS action, e.reason AS reason,
  e.score_before AS score_before, e.score_after AS score_after,
  e.size_before AS size_before, e.size_after AS size_after,
  e.metadata AS metadata, e.execution_time_ms AS execution_time_ms,
  ${_AS_TEXT("e.as_of")} AS timestamp, s.trace_id AS trace_id,
  r.run_id || '/' || s.seq AS session_id, rg.name AS regime, r.run_id AS run_id,
  strftime('%Y-%m-%dT%H:%M:%fZ', e.recorded_at / 1000.0, 'unixepoch') AS recorded_at,
  e.as_of AS as_of_ms`;

/** The joins that {@link EVENT_COLUMNS_SQL} needs, from `events e`. */
export const EVENT_JOINS_SQL = `
  JOIN event_types t ON t.code = e.type
  JOIN sessions s ON s.id = e.session
  JOIN runs r ON r.id = s.run
  LEFT JOIN names a ON a.id = e.asset
  LEFT JOIN names ac ON ac.id = e.action
  LEFT JOIN names rg ON rg.id = e.regime`;

/**
 * Selects the view's columns for the events of groups `g`, one per element
 * `j` of `json_each(g.items)`: `[asset, order_id, shares, price, commission]`
 * for a fill, `[asset, order_id, shares]` for a placed order, with its price
 * and reason after where it has them (`asset` a code of `names`). `->` gives
 * a number's JSON text as it was written, so the reason and metadata texts
 * are those of an event stored on its own.
 */
export const GROUP_COLUMNS_SQL = `
  g.first_event + j.key AS id, t.event_type AS event_type, t.event_category AS event_category,
  a.name AS asset, ac.name AS action,
  CASE g.layout WHEN 'fill' THEN ac.name || ' ' || (j.value -> 2) || ' @ ' || (j.value -> 3)
    ELSE j.value ->> 4 END AS reason,
  NULL AS score_before, NULL AS score_after, NULL AS size_before, NULL AS size_after,
  '{"order_id":' || (j.value -> 1) || ',"shares":' || (j.value -> 2) ||
    CASE g.layout WHEN 'fill' THEN ',"price":' || (j.value -> 3) || ',"commission":' || (j.value -> 4)
    ELSE ',"order_type":' || json_quote(ot.name) ||
      CASE WHEN j.value ->> 3 IS NULL THEN '' ELSE ',"price":' || (j.value -> 3) END END ||
    '}' AS metadata,
  NULL AS execution_time_ms,
  ${_AS_TEXT("g.as_of")} AS timestamp, s.trace_id AS trace_id,
  r.run_id || '/' || s.seq AS session_id, rg.name AS regime, r.run_id AS run_id,
  strftime('%Y-%m-%dT%H:%M:%fZ', g.recorded_at / 1000.0, 'unixepoch') AS recorded_at,
  g.as_of AS as_of_ms`;

/** The joins that {@link GROUP_COLUMNS_SQL} needs, from `event_groups g, json_each(g.items) j`. */
export const GROUP_JOINS_SQL = `
  JOIN event_types t ON t.code = g.type
  JOIN sessions s ON s.id = g.session
  JOIN runs r ON r.id = s.run
  LEFT JOIN names a ON a.id = j.value ->> 0
  LEFT JOIN names ac ON ac.id = g.action
  LEFT JOIN names rg ON rg.id = g.regime
  LEFT JOIN names ot ON ot.id = g.order_type`;

const _GROUPS_DDL = `
CREATE TABLE event_groups (
  first_event INTEGER PRIMARY KEY,
  last_event INTEGER NOT NULL,
  session INTEGER NOT NULL,
  type INTEGER NOT NULL,
  action INTEGER,
  regime INTEGER,
  order_type INTEGER,
  as_of INTEGER NOT NULL,
  recorded_at INTEGER NOT NULL,
  layout TEXT NOT NULL CHECK (layout IN ('fill', 'order')),
  items TEXT NOT NULL
);`;

const _VIEW_DDL = `
CREATE VIEW portfolio_events AS
SELECT ${EVENT_COLUMNS_SQL} FROM events e ${EVENT_JOINS_SQL}
UNION ALL
SELECT ${GROUP_COLUMNS_SQL} FROM event_groups g JOIN json_each(g.items) j ${GROUP_JOINS_SQL};`;

/** From schema 1 (every event a row of `events`): the groups table, and the view over both. */
const _MIGRATE_FROM_1 = `${_GROUPS_DDL}
DROP VIEW portfolio_events;
${_VIEW_DDL}
PRAGMA user_version = ${SCHEMA_VERSION};
`;

const _DDL = `
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  run_id TEXT NOT NULL UNIQUE,
  config_hash TEXT NOT NULL,
  data_hash TEXT NOT NULL,
  code_version TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'finished', 'failed')),
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  error TEXT,
  first_as_of INTEGER,
  last_as_of INTEGER,
  first_event INTEGER,
  last_event INTEGER,
  event_count INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  run INTEGER NOT NULL REFERENCES runs (id),
  seq INTEGER NOT NULL,
  trace_id TEXT NOT NULL UNIQUE,
  kind TEXT,
  as_of INTEGER NOT NULL,
  first_event INTEGER,
  last_event INTEGER,
  event_count INTEGER NOT NULL DEFAULT 0,
  UNIQUE (run, seq)
);
CREATE INDEX sessions_as_of ON sessions (as_of);
CREATE TABLE names (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE event_types (
  code INTEGER PRIMARY KEY,
  event_type TEXT NOT NULL,
  event_category TEXT NOT NULL,
  UNIQUE (event_type, event_category)
);
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  session INTEGER NOT NULL,
  type INTEGER NOT NULL,
  asset INTEGER,
  action INTEGER,
  regime INTEGER,
  as_of INTEGER NOT NULL,
  recorded_at INTEGER NOT NULL,
  reason TEXT,
  score_before REAL,
  score_after REAL,
  size_before REAL,
  size_after REAL,
  metadata TEXT,
  execution_time_ms REAL
);
CREATE TABLE postings (
  asset INTEGER NOT NULL,
  max_as_of INTEGER NOT NULL,
  first_event INTEGER NOT NULL,
  last_event INTEGER NOT NULL,
  min_as_of INTEGER NOT NULL,
  PRIMARY KEY (asset, max_as_of, first_event)
) WITHOUT ROWID;
${_GROUPS_DDL}
${_VIEW_DDL}
PRAGMA application_id = ${APPLICATION_ID};
PRAGMA user_version = ${SCHEMA_VERSION};
`;

/** How a store is opened. */
export type OpenMode = "write" | "read";

function _int(db: DatabaseSync, pragma: string): number {
  const row = db.prepare(`PRAGMA ${pragma}`).get();
  const value = row === undefined ? 0 : Object.values(row)[0];
  return typeof value === "number" ? value : Number(value ?? 0);
}

function _tableCount(db: DatabaseSync): number {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_schema").get();
  return Number(row?.n ?? 0);
}

/** Throws an InputError unless `db` is an event store of a schema this code reads; its version, 0 when empty. */
function _check(db: DatabaseSync, where: string): number {
  let applicationId: number, version: number, tables: number;
  try {
    applicationId = _int(db, "application_id");
    version = _int(db, "user_version");
    tables = _tableCount(db);
  } catch (error) {
    throw new InputError(`${where} is not an audit event store: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (applicationId === 0 && tables === 0) return 0;
  if (applicationId !== APPLICATION_ID) {
    throw new InputError(
      `${where} is not an audit event store (a SQLite file with application_id ${applicationId}, expected ${APPLICATION_ID})`,
    );
  }
  if (version > SCHEMA_VERSION) {
    throw new InputError(
      `${where} has audit schema version ${version}, newer than the version ${SCHEMA_VERSION} this code reads: update the engine`,
    );
  }
  return Math.max(version, 1);
}

/**
 * Before switching a file to WAL, refuses what is certainly not an event store,
 * leaving alone a store that another process is creating (checked again, in
 * the creating transaction, by {@link _check}).
 */
function _precheck(db: DatabaseSync, where: string): void {
  let applicationId: number, hasRuns: boolean, tables: number;
  try {
    applicationId = _int(db, "application_id");
    tables = _tableCount(db);
    hasRuns = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'runs'").get() !== undefined;
  } catch (error) {
    throw new InputError(`${where} is not an audit event store: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if ((applicationId !== 0 && applicationId !== APPLICATION_ID) || (tables > 0 && !hasRuns)) {
    _check(db, where);
    throw new InputError(`${where} is not an audit event store`);
  }
}

function _exists(path: string): boolean {
  try {
    return Deno.statSync(path).isFile;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw accessProblem(error, "audit event store", path, "read") ?? error;
  }
}

/**
 * Switches a file to WAL. Gotcha: the switch takes an exclusive lock without
 * calling the busy handler, so two processes opening one new store at once can
 * see "database is locked"; wait and retry for up to the busy timeout.
 */
function _enableWal(db: DatabaseSync): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0;; waited += 20) {
    try {
      const mode = db.prepare("PRAGMA journal_mode").get()?.journal_mode;
      if (mode === "wal" || mode === "memory") return;
      db.exec("PRAGMA journal_mode = WAL");
      return;
    } catch (error) {
      if (!/locked|busy/i.test((error as Error).message) || waited >= BUSY_TIMEOUT_MS) throw error;
      Atomics.wait(pause, 0, 0, 20);
    }
  }
}

/** How a store is opened for writing. */
export type WriteOptions = {
  /**
   * Whether each commit waits for the disk (`synchronous = NORMAL`, the
   * default). False (`synchronous = OFF`) skips the syncs: a killed process
   * still leaves a consistent store (WAL), but a power cut or an operating
   * system crash may lose or damage it, so it suits a store rebuilt by
   * running again (a backtest's own audit.db), not a log kept for good.
   */
  readonly durable?: boolean;
};

/**
 * Design decision: a new store uses 16 KB pages (SQLite's default is 4 KB):
 * a group row of `event_groups` is several KB of JSON, and with 4 KB pages
 * each spilled into a chain of overflow pages; writing 160,000 order events
 * as groups took about three times as long (measured for issue 13).
 */
const _PAGE_SIZE = 16_384;

/**
 * Opens `path` (or `:memory:`) as an event store. In `write` mode a missing or
 * empty file becomes a new store (WAL, busy timeout for concurrent writers)
 * and a store of schema 1 is brought to schema 2; in `read` mode the file must
 * exist and is opened read-only (a schema-1 store reads as one without groups).
 */
export function openSqliteStore(
  path: string,
  mode: OpenMode,
  options: WriteOptions = {},
): DatabaseSync {
  const memory = path === ":memory:";
  if (mode === "read" && !memory && !_exists(path)) {
    throw new InputError(`${path}: no audit event store there (file not found)`);
  }
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path, { readOnly: mode === "read", timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw accessProblem(error, "audit event store", path, mode) ?? new InputError(
      `${path}: cannot open the audit event store: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  try {
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (mode === "read") {
      const version = _check(db, path);
      if (version === 0) throw new InputError(`${path} is not an audit event store (it is empty)`);
      // The readers' queries name event_groups: an empty one, in this connection only.
      if (version === 1) db.exec(_GROUPS_DDL.replace("CREATE TABLE", "CREATE TEMP TABLE"));
      return db;
    }
    _precheck(db, path);
    if (_tableCount(db) === 0) db.exec(`PRAGMA page_size = ${_PAGE_SIZE}`);
    // Before the switch to WAL, which syncs the file unless told otherwise.
    db.exec(
      `PRAGMA synchronous = ${
        options.durable === false ? "OFF" : "NORMAL"
      }; PRAGMA cache_size = -65536;`,
    );
    _enableWal(db);
    db.exec("BEGIN IMMEDIATE");
    try {
      const version = _check(db, path);
      if (version === 0) db.exec(_DDL);
      else if (version === 1) db.exec(_MIGRATE_FROM_1);
      db.exec("COMMIT");
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
