/**
 * Rows of the audit store as the readers return them: one mapping for the
 * SQLite and the PostgreSQL store alike. The drivers hand back the same columns
 * in different JavaScript types (SQLite: numbers and text, the view's
 * timestamps already formatted; `postgres`: Date or numeric strings and parsed
 * JSONB), so each field is normalised here once.
 *
 * @module
 */
import { msToAsOf } from "./event_record.ts";
import type { Metadata } from "./events.ts";
import type { AuditRow, RunStatus, RunSummary } from "./query_types.ts";

const MS_PER_DAY = 86_400_000;

type Row = Record<string, unknown>;

const _num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
/** A column as text, or null when it is NULL. */
export const textOrNull = (v: unknown): string | null =>
  v === null || v === undefined ? null : String(v);
/** Epoch ms of a Date (PostgreSQL) or a number or numeric text (SQLite, bigint as text). */
const _ms = (v: unknown): number => (v instanceof Date ? v.getTime() : Number(v));
const _isoOrNull = (v: unknown): string | null =>
  v === null || v === undefined ? null : new Date(_ms(v)).toISOString();

/** The view's `timestamp` text of epoch ms: the date, with the time only where it is not midnight. */
function _asOfText(ms: number): string {
  const iso = new Date(ms).toISOString();
  return ms % MS_PER_DAY === 0 ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** An {@link AuditRow} from a row of the `portfolio_events` columns, whichever store it came from. */
export function auditRowOf(row: Row): AuditRow {
  const metadata = row.metadata;
  return {
    id: Number(row.id),
    eventType: String(row.event_type),
    eventCategory: String(row.event_category),
    asset: textOrNull(row.asset),
    action: textOrNull(row.action),
    reason: textOrNull(row.reason),
    scoreBefore: _num(row.score_before),
    scoreAfter: _num(row.score_after),
    sizeBefore: _num(row.size_before),
    sizeAfter: _num(row.size_after),
    metadata: metadata === null || metadata === undefined
      ? null
      : typeof metadata === "string"
      ? JSON.parse(metadata) as Metadata
      : metadata as Metadata,
    executionTimeMs: _num(row.execution_time_ms),
    timestamp: typeof row.timestamp === "string" ? row.timestamp : _asOfText(_ms(row.timestamp)),
    traceId: String(row.trace_id),
    sessionId: String(row.session_id),
    regime: textOrNull(row.regime),
    runId: String(row.run_id),
    recordedAt: typeof row.recorded_at === "string"
      ? row.recorded_at
      : new Date(_ms(row.recorded_at)).toISOString(),
  };
}

/** A {@link RunSummary} from a row of `runs`, whichever store it came from. */
export function runSummaryOf(row: Row): RunSummary {
  const status = String(row.status) as RunStatus;
  return {
    runId: String(row.run_id),
    status,
    complete: status !== "running",
    configHash: String(row.config_hash),
    dataHash: String(row.data_hash),
    codeVersion: String(row.code_version),
    startedAt: _isoOrNull(row.started_at) ?? "",
    finishedAt: _isoOrNull(row.finished_at),
    error: textOrNull(row.error),
    firstAsOf: row.first_as_of === null ? null : msToAsOf(_ms(row.first_as_of)),
    lastAsOf: row.last_as_of === null ? null : msToAsOf(_ms(row.last_as_of)),
    events: Number(row.event_count),
  };
}
