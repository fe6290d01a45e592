/**
 * Plain-text renderings of the investigation queries, for `deno task audit`.
 *
 * @module
 */
import type {
  AuditRow,
  Health,
  RunSummary,
  SessionSummary,
  SqlResult,
  WhyChain,
} from "./query_types.ts";

const _fmt = (
  v: number | null,
): string => (v === null ? "-" : String(Math.round(v * 10_000) / 10_000));

function _change(label: string, before: number | null, after: number | null): string | null {
  if (before === null && after === null) return null;
  return before === null ? `${label} ${_fmt(after)}` : `${label} ${_fmt(before)}->${_fmt(after)}`;
}

/** One event on one line: date, type, asset, action, score and size changes, reason, notable metadata. */
export function eventLine(row: AuditRow): string {
  const parts = [
    row.timestamp,
    row.eventType.padEnd(19),
    (row.asset ?? "").padEnd(6),
    (row.action ?? "").padEnd(8),
  ];
  const score = _change("score", row.scoreBefore, row.scoreAfter);
  const size = _change("size", row.sizeBefore, row.sizeAfter);
  if (score !== null) parts.push(score);
  if (size !== null) parts.push(size);
  const rule = row.metadata?.rule;
  if (typeof rule === "string") parts.push(`[${rule}]`);
  if (row.reason !== null) parts.push(row.reason);
  return parts.join("  ").trimEnd();
}

/** A timeline: one line per event, or a line saying there is none. */
export function timelineText(asset: string, days: number, rows: readonly AuditRow[]): string[] {
  if (rows.length === 0) return [`no events for ${asset} in the last ${days} days of the run`];
  const first = rows[0] as AuditRow;
  return [
    `${asset}: ${rows.length} events over the last ${days} days (run ${first.runId})`,
    ...rows.map(eventLine),
  ];
}

/** The chain behind a position change: each session, then its events in order. */
export function whyText(chain: WhyChain): string[] {
  if (chain.sessions.length === 0) {
    return [
      `no session on ${chain.date} touched ${chain.asset}${
        chain.runId === null ? " (the store has no run)" : ` in run ${chain.runId}`
      }`,
    ];
  }
  const lines: string[] = [];
  for (const session of chain.sessions) {
    lines.push(
      `session ${session.sessionId} (${
        session.kind ?? "session"
      }, asOf ${session.asOf}, trace ${session.traceId})`,
    );
    for (const row of session.events) {
      lines.push(`  ${row.eventCategory.padEnd(10)} ${eventLine(row)}`);
    }
  }
  return lines;
}

/** A run on one line, flagged when incomplete. */
export function runLine(run: RunSummary): string {
  const state = run.complete ? run.status : "INCOMPLETE (running, never finished)";
  const span = run.firstAsOf === null ? "no events" : `${run.firstAsOf}..${run.lastAsOf}`;
  return `run ${run.runId}  ${state}  ${span}  ${run.events} events  started ${run.startedAt}` +
    (run.error === null ? "" : `  error: ${run.error}`);
}

/** The health report. */
export function healthText(health: Health): string[] {
  const p = health.protection;
  const rate = p.approvalRate === null ? "-" : `${Math.round(p.approvalRate * 1000) / 10}%`;
  const lines = [
    `health score: ${health.healthScore}`,
    `runs: ${health.runs.total} (${health.runs.finished} finished, ${health.runs.failed} failed, ${health.runs.incomplete} incomplete)`,
    `events: ${health.events}`,
    `protection active: ${health.protectionActive} (approved ${p.approved}, blocked ${p.blocked}, approval ${rate}, avg ${
      p.avgExecutionTimeMs === null ? "-" : _fmt(p.avgExecutionTimeMs)
    } ms)`,
    `decisions in the last hour: ${health.decisionsLastHour}`,
  ];
  if (health.latestRun !== null) lines.push(`latest ${runLine(health.latestRun)}`);
  const categories = Object.entries(health.eventsByCategory).map(([k, v]) => `${k} ${v}`).join(
    ", ",
  );
  if (categories !== "") lines.push(`latest run events by category: ${categories}`);
  for (const run of health.incompleteRuns) lines.push(`incomplete ${runLine(run)}`);
  return lines;
}

/** Runs that never finished, then the latest sessions. */
export function sessionsText(
  runs: readonly RunSummary[],
  sessions: readonly SessionSummary[],
): string[] {
  const lines = runs.filter((r) => !r.complete).map((r) => `incomplete ${runLine(r)}`);
  if (sessions.length === 0) lines.push("no sessions in the store");
  for (const s of sessions) {
    lines.push(
      `${s.asOf}  ${s.sessionId}  ${s.kind ?? "-"}  ${s.events} events  trace ${s.traceId}` +
        (s.complete ? "" : "  (run incomplete)"),
    );
  }
  return lines;
}

/** A SQL result as tab-separated lines with a header. */
export function sqlText(result: SqlResult): string[] {
  const cell = (v: unknown): string =>
    v === null || v === undefined ? "NULL" : typeof v === "object" ? JSON.stringify(v) : String(v);
  return [
    result.columns.join("\t"),
    ...result.rows.map((row) => result.columns.map((c) => cell(row[c])).join("\t")),
    `(${result.rows.length} rows)`,
  ];
}
