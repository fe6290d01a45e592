/**
 * Pieces the SQLite and PostgreSQL readers share: argument checks and the
 * assembly of a {@link Health} report.
 *
 * @module
 */
import { InputError } from "../errors.ts";
import { parseIsoDay } from "../data/dates.ts";
import type { Health, RunSummary, TimelineOptions } from "./query_types.ts";

/** Days back from a run's latest asOf, checked. */
export function timelineDays(options: TimelineOptions): number {
  const days = options.days ?? 30;
  if (!Number.isFinite(days) || days < 0) {
    throw new InputError(`timeline: days must be a number >= 0: got ${days}`);
  }
  return days;
}

/** The day number of a `YYYY-MM-DD` date, or an InputError naming it. */
export function dayOf(date: string): number {
  const day = parseIsoDay(date);
  if (Number.isNaN(day)) throw new InputError(`why: date must be YYYY-MM-DD: got "${date}"`);
  return day;
}

/** Verdict tallies of a run. */
export type ProtectionTally = { approved: number; blocked: number; timed: number; timeSum: number };

/** Assembles a {@link Health} from runs and the latest run's tallies (shared with PostgreSQL). */
export function healthOf(
  runs: readonly RunSummary[],
  latest: RunSummary | null,
  eventsByCategory: Record<string, number>,
  tally: ProtectionTally,
  decisionsLastHour: number,
): Health {
  const finished = runs.filter((r) => r.status === "finished").length;
  const failed = runs.filter((r) => r.status === "failed").length;
  const incompleteRuns = runs.filter((r) => r.status === "running");
  const verdicts = tally.approved + tally.blocked;
  return {
    runs: { total: runs.length, finished, failed, incomplete: incompleteRuns.length },
    incompleteRuns,
    latestRun: latest,
    events: runs.reduce((sum, r) => sum + r.events, 0),
    eventsByCategory,
    protection: {
      approved: tally.approved,
      blocked: tally.blocked,
      approvalRate: verdicts === 0 ? null : tally.approved / verdicts,
      avgExecutionTimeMs: tally.timed === 0 ? null : tally.timeSum / tally.timed,
    },
    protectionActive: verdicts > 0,
    decisionsLastHour,
    healthScore: runs.length === 0 ? 100 : Math.round((100 * finished) / runs.length),
  };
}
