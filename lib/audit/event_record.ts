/**
 * The flat record a store writes: the seed's columns plus the run, session and
 * time fields, and the conversion from a typed {@link AuditEvent} to it.
 *
 * @module
 */
import { EVENT_TYPES } from "./events.ts";
import type { AuditEvent, Metadata } from "./events.ts";
import { parseIsoDay } from "../data/dates.ts";

const MS_PER_DAY = 86_400_000;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** One stored event, as every {@link EventSink} receives it. */
export type EventRecord = {
  readonly runId: string;
  /** Session number in the run: 0 for run-level events, 1.. for sessions. */
  readonly sessionSeq: number;
  readonly traceId: string;
  readonly eventType: string;
  readonly category: string;
  readonly asset: string | null;
  readonly action: string | null;
  readonly reason: string | null;
  readonly scoreBefore: number | null;
  readonly scoreAfter: number | null;
  readonly sizeBefore: number | null;
  readonly sizeAfter: number | null;
  readonly metadata: Metadata | null;
  /** Wall-clock duration of the decision, when measured. */
  readonly executionTimeMs: number | null;
  /** Market time of the decision in epoch milliseconds UTC (a date is its midnight). */
  readonly asOfMs: number;
  /** Wall clock when recorded, epoch milliseconds. */
  readonly recordedAt: number;
  /** The regime in force when the event happened. */
  readonly regime: string | null;
};

/** The run, session and clock context a record is stamped with. */
export type RecordContext = {
  readonly runId: string;
  readonly sessionSeq: number;
  readonly traceId: string;
  readonly recordedAt: number;
  readonly regime: string | null;
};

/**
 * Epoch milliseconds of an `asOf`: a `YYYY-MM-DD` date (its UTC midnight) or an
 * ISO date-time with a zone. Throws a RangeError on anything else.
 */
export function asOfToMs(asOf: string): number {
  // Events of one session share their asOf: remember the last conversion.
  if (asOf === _lastAsOf.text) return _lastAsOf.ms;
  const ms = _parseAsOf(asOf);
  _lastAsOf = { text: asOf, ms };
  return ms;
}

let _lastAsOf = { text: "", ms: 0 };

function _parseAsOf(asOf: string): number {
  if (asOf.length === 10) {
    const day = parseIsoDay(asOf);
    if (!Number.isNaN(day)) return day * MS_PER_DAY;
  } else if (ISO_DATE_TIME.test(asOf)) {
    const ms = Date.parse(asOf);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new RangeError(
    `Cannot record an event as asOf must be YYYY-MM-DD or an ISO date-time with zone: current value is "${asOf}"`,
  );
}

/** The `asOf` text of epoch milliseconds: a date at midnight UTC, else an ISO date-time. */
export function msToAsOf(ms: number): string {
  const iso = new Date(ms).toISOString();
  return ms % MS_PER_DAY === 0 ? iso.slice(0, 10) : iso;
}

type Columns = {
  eventType: string;
  category: string;
  asset?: string | undefined;
  action?: string | undefined;
  reason?: string | undefined;
  scoreBefore?: number | undefined;
  scoreAfter?: number | undefined;
  sizeBefore?: number | undefined;
  sizeAfter?: number | undefined;
  extra?: Metadata;
};

function _columns(event: AuditEvent): Columns {
  switch (event.type) {
    case "RegimeDetected":
      return {
        ...EVENT_TYPES.RegimeDetected,
        action: "detect",
        reason: `${event.regime} detected with confidence ${event.confidence}`,
        extra: _defined({
          regime: event.regime,
          confidence: event.confidence,
          stability: event.stability,
          timeframe: event.timeframe,
        }),
      };
    case "RegimeChanged":
      return {
        ...EVENT_TYPES.RegimeChanged,
        action: "transition",
        reason: event.reason ?? `${event.from} -> ${event.to} (${event.severity})`,
        extra: {
          regime: event.to,
          from_regime: event.from,
          severity: event.severity,
          override_authorizations: [...event.overrideAuthorizations],
        },
      };
    case "ScanCompleted":
      return {
        ...EVENT_TYPES.ScanCompleted,
        asset: event.asset,
        action: "scan",
        reason: `${event.condition} with confidence ${event.confidence}`,
        extra: _defined({
          market: event.condition,
          confidence: event.confidence,
          timeframe: event.timeframe,
        }),
      };
    case "AssetScored":
      return {
        ...EVENT_TYPES.AssetScored,
        asset: event.asset,
        action: "score",
        reason: event.reason,
        scoreBefore: event.previousScore,
        scoreAfter: event.score,
      };
    case "ActionApproved":
    case "ActionBlocked":
      return {
        ...EVENT_TYPES[event.type],
        asset: event.asset,
        action: event.action,
        reason: event.reason,
        scoreAfter: event.score,
        sizeBefore: event.sizeBefore,
        sizeAfter: event.sizeAfter,
        extra: { rule: event.rule },
      };
    case "PositionOpened":
    case "PositionClosed":
    case "PositionAdjusted":
    case "PositionDecayed":
      return {
        ...EVENT_TYPES[event.type],
        asset: event.asset,
        action: _POSITION_ACTION[event.type],
        reason: event.reason,
        scoreBefore: event.scoreBefore,
        scoreAfter: event.scoreAfter,
        sizeBefore: "sizeBefore" in event ? event.sizeBefore : undefined,
        sizeAfter: "sizeAfter" in event ? event.sizeAfter : undefined,
      };
    case "OrderPlaced":
      return {
        ...EVENT_TYPES.OrderPlaced,
        asset: event.asset,
        action: event.side,
        reason: event.reason,
        extra: _defined({
          order_id: event.orderId,
          shares: event.shares,
          order_type: event.orderType,
          price: event.price,
        }),
      };
    case "OrderFilled":
      return {
        ...EVENT_TYPES.OrderFilled,
        asset: event.asset,
        action: event.side,
        reason: `${event.side} ${event.shares} @ ${event.price}`,
        extra: {
          order_id: event.orderId,
          shares: event.shares,
          price: event.price,
          commission: event.commission,
        },
      };
    case "OrderRejected":
      return {
        ...EVENT_TYPES.OrderRejected,
        asset: event.asset,
        action: event.side,
        reason: event.reason,
        extra: {
          order_id: event.orderId,
          shares: event.shares,
          filled: event.filled,
          outcome: event.outcome,
        },
      };
    case "CustomEvent":
      return {
        eventType: event.eventType,
        category: event.category ?? "custom",
        asset: event.asset,
        action: event.action,
        reason: event.reason,
        scoreBefore: event.scoreBefore,
        scoreAfter: event.scoreAfter,
        sizeBefore: event.sizeBefore,
        sizeAfter: event.sizeAfter,
      };
  }
}

const _POSITION_ACTION = {
  PositionOpened: "open",
  PositionClosed: "close",
  PositionAdjusted: "adjust",
  PositionDecayed: "decay",
} as const;

function _defined(fields: { readonly [key: string]: Metadata[string] | undefined }): Metadata {
  const out: Record<string, Metadata[string]> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out;
}

/** The stored record of a typed event in a context. Event-specific fields go into metadata. */
export function toRecord(event: AuditEvent, context: RecordContext): EventRecord {
  const c = _columns(event);
  const metadata = c.extra === undefined
    ? event.metadata ?? null
    : event.metadata === undefined
    ? c.extra
    : { ...event.metadata, ...c.extra };
  return {
    runId: context.runId,
    sessionSeq: context.sessionSeq,
    traceId: context.traceId,
    eventType: c.eventType,
    category: c.category,
    asset: c.asset ?? null,
    action: c.action ?? null,
    reason: c.reason ?? null,
    scoreBefore: c.scoreBefore ?? null,
    scoreAfter: c.scoreAfter ?? null,
    sizeBefore: c.sizeBefore ?? null,
    sizeAfter: c.sizeAfter ?? null,
    metadata,
    executionTimeMs: event.executionTimeMs ?? null,
    asOfMs: asOfToMs(event.asOf),
    recordedAt: context.recordedAt,
    regime: context.regime,
  };
}
