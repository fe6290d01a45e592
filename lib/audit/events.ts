/**
 * The audit events: immutable facts in the past tense, one per decision of a
 * run, and the mapping to the seed's `event_type` / `event_category` values.
 *
 * Design decision: the TypeScript names say what happened (`PositionOpened`);
 * the stored `event_type` keeps the seed's snake_case vocabulary
 * (`position_open`, `regime_transition`) so the seed's SQL runs unchanged.
 *
 * | event            | event_type          | event_category | action            |
 * | ---------------- | ------------------- | -------------- | ----------------- |
 * | RunStarted       | run_start           | run            | start             |
 * | RunFinished      | run_finish          | run            | finish            |
 * | RunFailed        | run_fail            | run            | fail              |
 * | (beginSession)   | session_start       | run            | the session kind  |
 * | RegimeDetected   | regime_detected     | regime         | detect            |
 * | RegimeChanged    | regime_transition   | regime         | transition        |
 * | ScanCompleted    | scan_result         | scanner        | scan              |
 * | AssetScored      | asset_scored        | scoring        | score             |
 * | ActionApproved   | protection_approved | protection     | open/close/adjust/decay |
 * | ActionBlocked    | protection_blocked  | protection     | open/close/adjust/decay |
 * | PositionOpened   | position_open       | position       | open              |
 * | PositionClosed   | position_close      | position       | close             |
 * | PositionAdjusted | position_adjust     | position       | adjust            |
 * | PositionDecayed  | position_decay      | position       | decay             |
 * | OrderPlaced      | order_placed        | order          | buy/sell          |
 * | OrderFilled      | order_filled        | order          | buy/sell          |
 * | OrderRejected    | order_rejected      | order          | buy/sell          |
 * | CustomEvent      | the caller's        | the caller's (default custom) | the caller's |
 *
 * @module
 */

/** JSON-compatible values carried in an event's metadata. */
export type Json = string | number | boolean | null | readonly Json[] | {
  readonly [key: string]: Json;
};

/** Free-form context stored as the `metadata` JSON column. */
export type Metadata = { readonly [key: string]: Json };

/** The seed's event categories (custom events may name others). */
export type EventCategory =
  | "run"
  | "regime"
  | "scanner"
  | "scoring"
  | "protection"
  | "position"
  | "order"
  | "custom";

/** The position changes that protection rules judge. */
export type PositionAction = "open" | "close" | "adjust" | "decay";

/** Fields every event may carry. */
export type EventCommon = {
  /** Market time of the decision: `YYYY-MM-DD` or an ISO date-time with `Z`/offset. */
  readonly asOf: string;
  /** Extra context, stored as JSON. */
  readonly metadata?: Metadata;
  /** How long the decision took (wall clock, excluded from determinism). */
  readonly executionTimeMs?: number;
};

/** The market regime was detected for the session. */
export type RegimeDetected = EventCommon & {
  readonly type: "RegimeDetected";
  readonly regime: string;
  readonly confidence: number;
  readonly stability?: number;
  readonly timeframe?: string;
};

/** The regime changed; `overrideAuthorizations` lists the protections it may override. */
export type RegimeChanged = EventCommon & {
  readonly type: "RegimeChanged";
  readonly from: string;
  readonly to: string;
  readonly severity: string;
  readonly overrideAuthorizations: readonly string[];
  readonly reason?: string;
};

/** The scanner classified an asset (trending, ranging, breakout, breakdown). */
export type ScanCompleted = EventCommon & {
  readonly type: "ScanCompleted";
  readonly asset: string;
  readonly condition: string;
  readonly confidence: number;
  readonly timeframe?: string;
};

/** An asset received a combined score in 0..1. */
export type AssetScored = EventCommon & {
  readonly type: "AssetScored";
  readonly asset: string;
  readonly score: number;
  readonly previousScore?: number;
  readonly reason?: string;
};

/** Fields of a protection verdict. */
export type VerdictFields = EventCommon & {
  readonly asset: string;
  readonly action: PositionAction;
  /** The rule that decided (`grace_period`, `whipsaw_protection`, ...). */
  readonly rule: string;
  readonly reason: string;
  readonly score?: number;
  readonly sizeBefore?: number;
  readonly sizeAfter?: number;
};

/** Protection approved a position change. */
export type ActionApproved = VerdictFields & { readonly type: "ActionApproved" };

/** Protection blocked a position change. */
export type ActionBlocked = VerdictFields & { readonly type: "ActionBlocked" };

/** Fields of a position change; sizes are portfolio weights (fractions). */
export type PositionFields = EventCommon & {
  readonly asset: string;
  readonly reason: string;
  readonly scoreBefore?: number;
  readonly scoreAfter?: number;
};

/** A position was opened at weight `sizeAfter`. */
export type PositionOpened = PositionFields & {
  readonly type: "PositionOpened";
  readonly sizeAfter: number;
};

/** A position of weight `sizeBefore` was closed. */
export type PositionClosed = PositionFields & {
  readonly type: "PositionClosed";
  readonly sizeBefore: number;
};

/** A position's weight changed. */
export type PositionAdjusted = PositionFields & {
  readonly type: "PositionAdjusted";
  readonly sizeBefore: number;
  readonly sizeAfter: number;
};

/** A position decayed during its grace period. */
export type PositionDecayed = PositionFields & {
  readonly type: "PositionDecayed";
  readonly sizeBefore: number;
  readonly sizeAfter: number;
};

/** Fields of an order event; `shares` are in units of the asset. */
export type OrderFields = EventCommon & {
  readonly asset: string;
  readonly orderId: number;
  readonly side: "buy" | "sell";
  readonly shares: number;
};

/** An order was sent to the broker. */
export type OrderPlaced = OrderFields & {
  readonly type: "OrderPlaced";
  readonly orderType?: string;
  readonly price?: number;
  readonly reason?: string;
};

/** An order filled. Its `asOf` is the fill's bar; it joins the trace of the session that placed it. */
export type OrderFilled = OrderFields & {
  readonly type: "OrderFilled";
  readonly price: number;
  readonly commission: number;
};

/** An order was trimmed, rejected or expired. */
export type OrderRejected = OrderFields & {
  readonly type: "OrderRejected";
  readonly filled: number;
  readonly outcome: string;
  readonly reason: string;
};

/** Any other fact, through {@link AuditLog.logCustomEvent}. */
export type CustomEvent = EventCommon & {
  readonly type: "CustomEvent";
  readonly eventType: string;
  readonly category?: string;
  readonly asset?: string;
  readonly action?: string;
  readonly reason?: string;
  readonly scoreBefore?: number;
  readonly scoreAfter?: number;
  readonly sizeBefore?: number;
  readonly sizeAfter?: number;
};

/** Every decision event a run records (run start/finish are recorded by the log itself). */
export type AuditEvent =
  | RegimeDetected
  | RegimeChanged
  | ScanCompleted
  | AssetScored
  | ActionApproved
  | ActionBlocked
  | PositionOpened
  | PositionClosed
  | PositionAdjusted
  | PositionDecayed
  | OrderPlaced
  | OrderFilled
  | OrderRejected
  | CustomEvent;

/** Stored `event_type` and `event_category` of each event name. */
export const EVENT_TYPES = {
  RunStarted: { eventType: "run_start", category: "run" },
  RunFinished: { eventType: "run_finish", category: "run" },
  RunFailed: { eventType: "run_fail", category: "run" },
  SessionStarted: { eventType: "session_start", category: "run" },
  RegimeDetected: { eventType: "regime_detected", category: "regime" },
  RegimeChanged: { eventType: "regime_transition", category: "regime" },
  ScanCompleted: { eventType: "scan_result", category: "scanner" },
  AssetScored: { eventType: "asset_scored", category: "scoring" },
  ActionApproved: { eventType: "protection_approved", category: "protection" },
  ActionBlocked: { eventType: "protection_blocked", category: "protection" },
  PositionOpened: { eventType: "position_open", category: "position" },
  PositionClosed: { eventType: "position_close", category: "position" },
  PositionAdjusted: { eventType: "position_adjust", category: "position" },
  PositionDecayed: { eventType: "position_decay", category: "position" },
  OrderPlaced: { eventType: "order_placed", category: "order" },
  OrderFilled: { eventType: "order_filled", category: "order" },
  OrderRejected: { eventType: "order_rejected", category: "order" },
} as const satisfies Record<string, { eventType: string; category: EventCategory }>;
