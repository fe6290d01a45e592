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

/** The seed's per-event columns, as both the writer's records and the readers' rows carry them. */
export type EventColumns = {
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
};

/**
 * The `kind` a store records for an event's session: "run" for run-level
 * events, the kind a session start names, or null (the session row was made by
 * an earlier event).
 */
export function sessionKindOf(
  event: Pick<EventRecord, "sessionSeq" | "eventType" | "action">,
): string | null {
  if (event.sessionSeq === 0) return "run";
  return event.eventType === EVENT_TYPES.SessionStarted.eventType ? event.action : null;
}

/** One stored event, as every {@link EventSink} receives it. */
export type EventRecord = EventColumns & {
  readonly runId: string;
  /** Session number in the run: 0 for run-level events, 1.. for sessions. */
  readonly sessionSeq: number;
  readonly traceId: string;
  readonly eventType: string;
  readonly category: string;
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

/**
 * Design decision: one positional constructor that builds the stored record
 * itself, so every event's record shares one shape and one allocation (an
 * audited run builds one per decision: 160,000 at 500 assets x 5,000 days;
 * object spreads, optional keys and an intermediate columns object made this
 * the costliest step of recording). `extra` goes into the metadata.
 */
function _r(
  event: AuditEvent,
  context: RecordContext,
  type: { readonly eventType: string; readonly category: string },
  asset: string | undefined,
  action: string | undefined,
  reason: string | undefined,
  scoreBefore: number | undefined,
  scoreAfter: number | undefined,
  sizeBefore: number | undefined,
  sizeAfter: number | undefined,
  extra: Metadata | undefined,
): EventRecord {
  const given = event.metadata;
  return {
    runId: context.runId,
    sessionSeq: context.sessionSeq,
    traceId: context.traceId,
    eventType: type.eventType,
    category: type.category,
    asset: asset ?? null,
    action: action ?? null,
    reason: reason ?? null,
    scoreBefore: scoreBefore ?? null,
    scoreAfter: scoreAfter ?? null,
    sizeBefore: sizeBefore ?? null,
    sizeAfter: sizeAfter ?? null,
    metadata: extra === undefined
      ? given ?? null
      : given === undefined
      ? extra
      : { ...given, ...extra },
    executionTimeMs: event.executionTimeMs ?? null,
    asOfMs: asOfToMs(event.asOf),
    recordedAt: context.recordedAt,
    regime: context.regime,
  };
}

const _U = undefined;

/** Sets `key` unless `value` is undefined (metadata keeps only defined fields, in order). */
function _put(
  out: Record<string, Metadata[string]>,
  key: string,
  value: Metadata[string] | undefined,
): void {
  if (value !== undefined) out[key] = value;
}

function _record(event: AuditEvent, context: RecordContext): EventRecord {
  switch (event.type) {
    case "RegimeDetected": {
      const extra: Record<string, Metadata[string]> = {};
      _put(extra, "regime", event.regime);
      _put(extra, "confidence", event.confidence);
      _put(extra, "stability", event.stability);
      _put(extra, "timeframe", event.timeframe);
      const reason = `${event.regime} detected with confidence ${event.confidence}`;
      return _r(
        event,
        context,
        EVENT_TYPES.RegimeDetected,
        _U,
        "detect",
        reason,
        _U,
        _U,
        _U,
        _U,
        extra,
      );
    }
    case "RegimeChanged":
      return _r(
        event,
        context,
        EVENT_TYPES.RegimeChanged,
        _U,
        "transition",
        event.reason ?? `${event.from} -> ${event.to} (${event.severity})`,
        _U,
        _U,
        _U,
        _U,
        {
          regime: event.to,
          from_regime: event.from,
          severity: event.severity,
          override_authorizations: [...event.overrideAuthorizations],
        },
      );
    case "ScanCompleted": {
      const extra: Record<string, Metadata[string]> = {};
      _put(extra, "market", event.condition);
      _put(extra, "confidence", event.confidence);
      _put(extra, "timeframe", event.timeframe);
      const reason = `${event.condition} with confidence ${event.confidence}`;
      return _r(
        event,
        context,
        EVENT_TYPES.ScanCompleted,
        event.asset,
        "scan",
        reason,
        _U,
        _U,
        _U,
        _U,
        extra,
      );
    }
    case "AssetScored":
      return _r(
        event,
        context,
        EVENT_TYPES.AssetScored,
        event.asset,
        "score",
        event.reason,
        event.previousScore,
        event.score,
        _U,
        _U,
        _U,
      );
    case "ActionApproved":
    case "ActionBlocked":
      return _r(
        event,
        context,
        EVENT_TYPES[event.type],
        event.asset,
        event.action,
        event.reason,
        _U,
        event.score,
        event.sizeBefore,
        event.sizeAfter,
        { rule: event.rule },
      );
    case "PositionOpened":
    case "PositionClosed":
    case "PositionAdjusted":
    case "PositionDecayed":
      return _r(
        event,
        context,
        EVENT_TYPES[event.type],
        event.asset,
        _POSITION_ACTION[event.type],
        event.reason,
        event.scoreBefore,
        event.scoreAfter,
        "sizeBefore" in event ? event.sizeBefore : _U,
        "sizeAfter" in event ? event.sizeAfter : _U,
        _U,
      );
    case "OrderPlaced": {
      const extra: Record<string, Metadata[string]> = {};
      _put(extra, "order_id", event.orderId);
      _put(extra, "shares", event.shares);
      _put(extra, "order_type", event.orderType);
      _put(extra, "price", event.price);
      return _r(
        event,
        context,
        EVENT_TYPES.OrderPlaced,
        event.asset,
        event.side,
        event.reason,
        _U,
        _U,
        _U,
        _U,
        extra,
      );
    }
    case "OrderFilled":
      return _r(
        event,
        context,
        EVENT_TYPES.OrderFilled,
        event.asset,
        event.side,
        `${event.side} ${event.shares} @ ${event.price}`,
        _U,
        _U,
        _U,
        _U,
        {
          order_id: event.orderId,
          shares: event.shares,
          price: event.price,
          commission: event.commission,
        },
      );
    case "OrderRejected":
      return _r(
        event,
        context,
        EVENT_TYPES.OrderRejected,
        event.asset,
        event.side,
        event.reason,
        _U,
        _U,
        _U,
        _U,
        {
          order_id: event.orderId,
          shares: event.shares,
          filled: event.filled,
          outcome: event.outcome,
        },
      );
    case "CustomEvent":
      return _r(
        event,
        context,
        { eventType: event.eventType, category: event.category ?? "custom" },
        event.asset,
        event.action,
        event.reason,
        event.scoreBefore,
        event.scoreAfter,
        event.sizeBefore,
        event.sizeAfter,
        _U,
      );
  }
}

const _POSITION_ACTION = {
  PositionOpened: "open",
  PositionClosed: "close",
  PositionAdjusted: "adjust",
  PositionDecayed: "decay",
} as const;

/** The stored record of a typed event in a context. Event-specific fields go into metadata. */
export function toRecord(event: AuditEvent, context: RecordContext): EventRecord {
  return _record(event, context);
}
