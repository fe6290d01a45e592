/**
 * The regime context provider: for any date of a run, the regime, its
 * confidence and stability, the daily and weekly readings, their agreement and
 * the latest transition, database first.
 *
 * Rules:
 * - Database first: a `research` row whose `created_at` is the date gives the
 *   regime (the row with the highest id when there are several), its confidence
 *   (the detector's where the row has none) and its buckets (the regime map's
 *   where it has none). Other dates take the detector's reading.
 * - The rows of the whole run are read in one query when the provider is
 *   created; `at` then never touches the database, so a backtest stays fast.
 * - No database configured: computed, with one info line. Configured but
 *   unreachable, or tables missing: one warning, computed, no crash. Rows naming
 *   an unknown regime are ignored with one warning.
 * - Stability and transitions run over the merged sequence (database rows and
 *   detector readings), with the rules of `regime_transitions.ts`.
 * - `at(date)` on a date off the calendar (a weekend) reads the last trading day
 *   on or before it, unless a database row exists for that very date.
 *
 * @module
 */
import type { Panel } from "../data/panel.ts";
import { formatIsoDay } from "../data/dates.ts";
import { ServiceError } from "../errors.ts";
import type { ResearchReader, ResearchRecord } from "../db/research_repository.ts";
import { activeBuckets, DEFAULT_REGIME_BUCKETS, type RegimeBucketMap } from "./buckets.ts";
import {
  isRegimeName,
  type RegimeContext,
  type RegimeName,
  type RegimeTransition,
} from "./regime.ts";
import type { RegimeOptions } from "./regime_options.ts";
import { detectRegimes, type RegimeSeries } from "./regime_detection.ts";
import { findTransitions, regimeStability, type TransitionEvent } from "./regime_transitions.ts";

/** Where the provider's notes go (scripts print them; tests collect them). */
export type RegimeLogger = {
  readonly info: (message: string) => void;
  readonly warn: (message: string) => void;
};

/** What {@link createRegimeProvider} needs. */
export type RegimeProviderInit = {
  readonly panel: Panel;
  readonly options?: Partial<RegimeOptions>;
  /** The research database; undefined when none is configured. */
  readonly database?: ResearchReader | undefined;
  /** Regime to buckets, for days without a database row (default: the seed's map). */
  readonly regimeBuckets?: RegimeBucketMap;
  /** Default: notes are dropped. */
  readonly logger?: RegimeLogger;
  /** First ISO date of the run (default: the Panel's first day). */
  readonly from?: string;
  /** Last ISO date of the run (default: the Panel's last day). */
  readonly to?: string;
};

/** The context of every date of a run; see the module doc. */
export type RegimeProvider = {
  /** The context of an ISO date (throws a RangeError before the Panel's first day). */
  readonly at: (date: string) => RegimeContext;
  /** The context of a Panel day index (the backtest loop's fast path). */
  readonly atIndex: (t: number) => RegimeContext;
  /** The detector's series over the Panel. */
  readonly series: RegimeSeries;
  /** Whether the database was used, not configured, or unavailable (warned). */
  readonly databaseStatus: "used" | "not configured" | "unavailable";
  /** Days of the Panel whose regime came from the database. */
  readonly databaseDays: number;
};

/**
 * Builds a provider: detects every day, then reads the run's research rows in one query.
 *
 * @example Computed regimes when no database is configured
 * ```ts
 * import assert from "node:assert/strict";
 * import { Panel } from "../data/panel.ts";
 * import { seriesFromRows } from "../data/bars.ts";
 * import { createRegimeProvider } from "./regime_provider.ts";
 *
 * const bars = (ticker: string, drift: number) =>
 *   seriesFromRows(ticker, "1d", Array.from({ length: 200 }, (_, i) => {
 *     const close = 100 * Math.exp(drift * i + 0.01 * Math.sin(i * 1.7));
 *     const time = Date.UTC(2020, 0, 1) + i * 86_400_000;
 *     return { time, open: close, high: close, low: close, close, adjClose: close, volume: 1 };
 *   }));
 * const panel = Panel.fromSeries([bars("SPY", 0.001), bars("TLT", -0.001), bars("TIP", -0.0005), bars("IEF", 0.0005)]);
 * const notes: string[] = [];
 * const provider = await createRegimeProvider({
 *   panel,
 *   logger: { info: (m) => notes.push(m), warn: (m) => notes.push(m) },
 * });
 * const context = provider.at("2020-07-01");
 * assert.equal(context.regime, "Goldilocks");
 * assert.equal(context.source, "computed");
 * assert.equal(notes.length, 1);
 * ```
 */
export async function createRegimeProvider(init: RegimeProviderInit): Promise<RegimeProvider> {
  const { panel } = init;
  const logger = init.logger ?? { info: () => {}, warn: () => {} };
  const series = detectRegimes(panel, init.options ?? {});
  const { rows, status } = await _fetchRows(init, logger);
  const byDate = _latestByDate(rows, logger);
  const merged = _merge(series, Array.from(panel.days, (_, t) => byDate.get(panel.dateAt(t))));
  const map = init.regimeBuckets ?? DEFAULT_REGIME_BUCKETS;
  const n = panel.dayCount;
  let lastT = -1;
  let last: RegimeContext | undefined;
  const context = (t: number, row: ResearchRecord | undefined): RegimeContext => {
    const regime = row === undefined ? merged.regimes[t] ?? null : row.regime as RegimeName;
    const transition = _recentTransition(
      merged.transitions,
      t,
      series.options.transitionDays,
      panel,
    );
    const reading = (frame: "daily" | "weekly", list: readonly (RegimeName | null)[]) => ({
      regime: list[t] ?? null,
      growthSignal: series.signals[frame].growth[t] as number,
      inflationSignal: series.signals[frame].inflation[t] as number,
    });
    return {
      date: row?.date ?? panel.dateAt(t),
      regime,
      confidence: row?.confidence ?? series.confidence[t] as number,
      stability: merged.stability[t] as number,
      timeframes: {
        "1d": reading("daily", series.regimes),
        "1w": reading("weekly", series.weeklyRegimes),
      },
      agreement: series.agreement[t] as number,
      ...(transition === undefined ? {} : { transition }),
      source: row === undefined ? "computed" : "database",
      buckets: row?.buckets?.length
        ? row.buckets
        : regime === null
        ? []
        : activeBuckets(regime, map),
    };
  };
  return {
    atIndex: (t) => {
      if (!Number.isInteger(t) || t < 0 || t >= n) {
        throw new RangeError(
          `Cannot give the regime as t must be a day index in [0, ${n}): current value is ${t}`,
        );
      }
      // A day's context is asked for several times (facts, the pipeline, decays): keep the last.
      if (t !== lastT) {
        last = context(t, merged.rows[t]);
        lastT = t;
      }
      return last as RegimeContext;
    },
    at: (date) => {
      const t = panel.indexOnOrBefore(date);
      if (t < 0) {
        throw new RangeError(
          `Cannot give the regime as date must be on or after ${
            panel.dateAt(0)
          }: current value is ${date}`,
        );
      }
      return context(t, byDate.get(date) ?? merged.rows[t]);
    },
    series,
    databaseStatus: status,
    databaseDays: merged.rows.filter((r) => r !== undefined).length,
  };
}

/** The day-by-day sequence with database rows laid over the detector's, and its stability and transitions. */
function _merge(series: RegimeSeries, rows: readonly (ResearchRecord | undefined)[]) {
  const regimes = rows.map((r, t) =>
    r === undefined ? series.regimes[t] ?? null : r.regime as RegimeName
  );
  const confidence = Float64Array.from(
    rows,
    (r, t) => r?.confidence ?? series.confidence[t] as number,
  );
  const transitions = findTransitions(regimes, {
    axis: (t, axis) =>
      rows[t] === undefined ? series.axisConfidence[axis][t] as number : confidence[t] as number,
    regime: (t) => confidence[t] as number,
  }, series.options);
  return {
    rows,
    regimes,
    stability: regimeStability(regimes, series.options.stabilityDays),
    transitions,
  };
}

async function _fetchRows(
  init: RegimeProviderInit,
  logger: RegimeLogger,
): Promise<{ rows: readonly ResearchRecord[]; status: RegimeProvider["databaseStatus"] }> {
  if (init.database === undefined) {
    logger.info(
      "regime: no database configured (DATABASE_URL, DB_HOST); regimes computed from market data",
    );
    return { rows: [], status: "not configured" };
  }
  const { panel } = init;
  const from = init.from ?? panel.dateAt(0), to = init.to ?? panel.dateAt(panel.dayCount - 1);
  try {
    return { rows: await init.database.listResearch(from, to), status: "used" };
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    logger.warn(`regime: ${error.message}; regimes computed from market data`);
    return { rows: [], status: "unavailable" };
  }
}

/** Rows by date, the highest id winning; rows with an unknown regime or no date dropped (one warning). */
function _latestByDate(
  rows: readonly ResearchRecord[],
  logger: RegimeLogger,
): Map<string, ResearchRecord> {
  const byDate = new Map<string, ResearchRecord>();
  const unknown: ResearchRecord[] = [];
  for (const row of rows) {
    if (row.date === null) continue;
    if (row.regime === null || !isRegimeName(row.regime)) {
      unknown.push(row);
      continue;
    }
    const held = byDate.get(row.date);
    if (held === undefined || held.id < row.id) byDate.set(row.date, row);
  }
  const first = unknown[0];
  if (first !== undefined) {
    logger.warn(
      `regime: ${unknown.length} research row(s) with an unknown regime ignored (first: id ${first.id} on ${first.date}: ${
        JSON.stringify(first.regime)
      })`,
    );
  }
  return byDate;
}

function _recentTransition(
  transitions: readonly TransitionEvent[],
  t: number,
  days: number,
  panel: Panel,
): RegimeTransition | undefined {
  let lo = 0, hi = transitions.length;
  while (lo < hi) { // the last event with event.t <= t
    const mid = (lo + hi) >> 1;
    if ((transitions[mid] as TransitionEvent).t <= t) lo = mid + 1;
    else hi = mid;
  }
  const e = transitions[lo - 1];
  if (e === undefined || t - e.t >= days) return undefined;
  return {
    date: formatIsoDay(panel.days[e.t] as number),
    from: e.from,
    to: e.to,
    severity: e.severity,
    overrideAuthority: e.overrideAuthority,
    bypasses: e.bypasses,
    ageDays: t - e.t,
  };
}
