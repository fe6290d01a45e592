/**
 * The writer a run uses: it registers the run, opens sessions whose trace id
 * ties their events together, stamps each event with its run, session, regime
 * and wall clock, and hands it to an {@link EventSink}.
 *
 * @module
 */
import { asOfToMs, type RecordContext, toRecord } from "./event_record.ts";
import type { AuditEvent, CustomEvent, Metadata } from "./events.ts";
import type { EventSink } from "./event_sink.ts";
import { runIdOf } from "./ids.ts";
import {
  type BrokerFill,
  type BrokerOrder,
  groupableFill,
  groupableOrder,
  OrderGroupBuilder,
} from "./order_group.ts";
import type { OrderSession } from "./order_sessions.ts";
import { LogSessions } from "./log_sessions.ts";
import type {
  AuditLogOptions,
  AuditLogState,
  AuditResumeOptions,
  RunEndOptions,
  SessionOptions,
} from "./audit_log_options.ts";
import {
  type LifecycleEventName,
  lifecycleRecord,
  orderFilledEvent,
  orderPlacedEvent,
} from "./audit_log_events.ts";

export type * from "./audit_log_options.ts";

/**
 * Records one run's events.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { AuditLog, MemorySink } from "./mod.ts";
 *
 * const sink = new MemorySink();
 * const log = await AuditLog.start(sink, {
 *   configHash: "c1", dataHash: "d1", codeVersion: "test", asOf: "2021-03-01", clock: () => 0,
 * });
 * const trace = log.beginSession({ asOf: "2021-03-01" });
 * log.record({ type: "PositionOpened", asOf: "2021-03-01", asset: "AAPL", sizeAfter: 0.12, reason: "score 0.86" });
 * await log.finish();
 * assert.equal(sink.events[2]?.eventType, "position_open");
 * assert.equal(sink.events[2]?.traceId, trace);
 * ```
 */
export class AuditLog {
  /** The id this run's events are stored under. */
  readonly runId: string;
  readonly #sink: EventSink;
  readonly #clock: () => number;
  readonly #sessions: LogSessions;
  #regime: string | null = null;
  #lastAsOfMs: number;
  /** Order events waiting to go to the sink as one group (sinks with `recordGroup` only). */
  readonly #group = new OrderGroupBuilder();
  /** The context of the event being recorded, refilled for each (one object, not one per event). */
  readonly #context: { -readonly [K in keyof RecordContext]: RecordContext[K] };

  private constructor(sink: EventSink, runId: string, clock: () => number, asOfMs: number) {
    this.runId = runId;
    this.#sink = sink;
    this.#clock = clock;
    this.#sessions = new LogSessions(runId);
    this.#lastAsOfMs = asOfMs;
    this.#context = { runId, sessionSeq: 0, traceId: "", recordedAt: 0, regime: null };
  }

  /** Registers the run with the sink and records `run_start`. */
  static async start(sink: EventSink, options: AuditLogOptions): Promise<AuditLog> {
    const clock = options.clock ?? Date.now;
    const asOfMs = asOfToMs(options.asOf);
    const runId = await sink.claimRun({
      runId: options.runId ?? runIdOf(options.configHash, options.dataHash),
      configHash: options.configHash,
      dataHash: options.dataHash,
      codeVersion: options.codeVersion,
      startedAt: clock(),
    });
    const log = new AuditLog(sink, runId, clock, asOfMs);
    log.#write("RunStarted", options.asOf, "start", null, {
      ...options.metadata,
      config_hash: options.configHash,
      data_hash: options.dataHash,
      code_version: options.codeVersion,
    });
    return log;
  }

  /**
   * Continues a run the store already holds (a paper portfolio's log, one
   * plan after another): its status becomes running again, sessions go on
   * from the last one, fills of orders placed by an earlier writer join the
   * sessions that placed them. Sessions the store holds beyond `state.seq`
   * (a writer killed before its caller kept its state) are skipped, and a
   * `sessions_abandoned` event says so. A sink without `reopenRun` is an Error.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { AuditLog, MemorySink } from "./mod.ts";
   *
   * const sink = new MemorySink();
   * const first = await AuditLog.start(sink, {
   *   configHash: "c", dataHash: "d", codeVersion: "test", asOf: "2021-03-01", clock: () => 0,
   * });
   * first.beginSession({ asOf: "2021-03-01" });
   * first.record({ type: "OrderPlaced", asOf: "2021-03-01", asset: "SPY", orderId: 7, side: "buy", shares: 10, orderType: "market" });
   * await first.finish();
   * const state = first.state();
   * const next = await AuditLog.resume(sink, { runId: first.runId, state, asOf: "2021-03-02", clock: () => 0 });
   * next.record({ type: "OrderFilled", asOf: "2021-03-02", asset: "SPY", orderId: 7, side: "buy", shares: 10, price: 1, commission: 0 });
   * assert.equal(sink.events.at(-1)?.sessionSeq, 1); // the fill joins the session that placed it
   * assert.equal(next.beginSession({ asOf: "2021-03-02" }), next.traceId);
   * assert.equal(next.state().seq, 2);
   * ```
   */
  static async resume(sink: EventSink, options: AuditResumeOptions): Promise<AuditLog> {
    if (sink.reopenRun === undefined) {
      throw new Error(`Cannot continue run ${options.runId} as its store cannot reopen runs`);
    }
    const stored = await sink.reopenRun(options.runId);
    const log = new AuditLog(
      sink,
      options.runId,
      options.clock ?? Date.now,
      asOfToMs(options.asOf),
    );
    const { state } = options;
    log.#sessions.continueAfter(Math.max(state.seq, stored), state.orderSessions);
    log.#regime = state.regime;
    if (stored > state.seq) {
      log.record({
        type: "CustomEvent",
        eventType: "sessions_abandoned",
        category: "run",
        asOf: options.asOf,
        reason: `sessions ${state.seq + 1} to ${stored} were written by a writer that stopped ` +
          "before its state was kept; their decisions were not kept",
      });
    }
    return log;
  }

  /**
   * The state a later writer needs to continue this run ({@link resume}):
   * sessions so far, the regime, and the sessions of the orders `working`
   * accepts (default all the log has seen placed and not yet filled or rejected).
   */
  state(working: (orderId: number) => boolean = () => true): AuditLogState {
    const sessions = this.#sessions;
    return { seq: sessions.seq, regime: this.#regime, orderSessions: sessions.working(working) };
  }

  /** Trace id of the open session (the run's own trace outside sessions). */
  get traceId(): string {
    return this.#sessions.open.traceId;
  }

  /** Opens the next session; events recorded until the next session carry its trace id. */
  beginSession(options: SessionOptions): string {
    const session = this.#sessions.begin();
    const kind = options.kind ?? "rebalance";
    this.#write("SessionStarted", options.asOf, kind, null, { kind });
    return session.traceId;
  }

  /** Closes the open session: later events are run-level until the next session. */
  endSession(): void {
    this.#sessions.end();
  }

  /**
   * Records one event in the open session. A fill or rejection joins the
   * session that placed its order, so a position change traces from regime to fill.
   */
  record(event: AuditEvent): void {
    let session = this.#sessions.open;
    if (event.type === "OrderPlaced") this.#sessions.placed(event.orderId, session);
    else if (event.type === "OrderFilled" || event.type === "OrderRejected") {
      session = this.#sessions.placedIn(event.orderId);
    } else if (event.type === "RegimeDetected") this.#regime = event.regime;
    else if (event.type === "RegimeChanged") this.#regime = event.to;
    this.#emit(event, session);
  }

  /**
   * Records the broker's fills of day `asOf`, in order: the same
   * `order_filled` events as recording each with {@link record}, each joining
   * the session that placed its order. A sink with `recordGroup` receives them
   * as groups without an event object each (see {@link OrderGroup}).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { AuditLog, SqliteEventStore } from "./mod.ts";
   *
   * const store = SqliteEventStore.open(":memory:");
   * const log = await AuditLog.start(store, {
   *   configHash: "c", dataHash: "d", codeVersion: "test", asOf: "2024-01-02",
   * });
   * log.recordFills("2024-01-03", [
   *   { orderId: 1, ticker: "SPY", side: "buy", size: 10, price: 470.5, commission: 1 },
   *   { orderId: 2, ticker: "TLT", side: "buy", size: 20, price: 95.25, commission: 1 },
   * ]);
   * await log.finish();
   * const rows = store.reader().sql(
   *   "SELECT asset, reason, metadata FROM portfolio_events WHERE event_type = 'order_filled' ORDER BY id",
   * ).rows;
   * assert.deepEqual(rows[1], {
   *   asset: "TLT",
   *   reason: "buy 20 @ 95.25",
   *   metadata: '{"order_id":2,"shares":20,"price":95.25,"commission":1}',
   * });
   * await store.close();
   * ```
   */
  recordFills(asOf: string, fills: readonly BrokerFill[]): void {
    if (fills.length === 0) return;
    const asOfMs = this.#asOfMs(asOf);
    const grouped = this.#sink.recordGroup !== undefined;
    for (const f of fills) {
      const session = this.#sessions.placedIn(f.orderId);
      if (grouped && groupableFill(f)) {
        if (!this.#group.takes("filled", session.seq, asOfMs, f.side, "")) {
          this.#openGroup("filled", session, asOfMs, f.side, "");
        }
        this.#group.addFill(f);
        continue;
      }
      this.#emit(orderFilledEvent(asOf, f), session);
    }
  }

  /**
   * Records the orders the broker took at the close of day `asOf`, in the open
   * session: the same `order_placed` events as recording each with
   * {@link record} (a price only where it is finite). A sink with
   * `recordGroup` receives them as groups (see {@link OrderGroup}).
   */
  recordOrdersPlaced(asOf: string, orders: readonly BrokerOrder[]): void {
    if (orders.length === 0) return;
    const asOfMs = this.#asOfMs(asOf);
    const grouped = this.#sink.recordGroup !== undefined;
    const session = this.#sessions.open;
    for (const o of orders) {
      this.#sessions.placed(o.orderId, session);
      if (grouped && groupableOrder(o)) {
        if (!this.#group.takes("placed", session.seq, asOfMs, o.side, o.type)) {
          this.#openGroup("placed", session, asOfMs, o.side, o.type);
        }
        this.#group.addOrder(o);
        continue;
      }
      this.#emit(orderPlacedEvent(asOf, o), session);
    }
  }

  /** Records a custom event (category `custom` unless given), like the seed's `log_custom_event`. */
  logCustomEvent(event: Omit<CustomEvent, "type">): void {
    this.record({ ...event, type: "CustomEvent" });
  }

  /** Writes buffered events. */
  flush(): Promise<void> {
    this.#closeGroup();
    return this.#sink.flush();
  }

  /** Records `run_finish` (the run's status becomes `finished`) and flushes. */
  finish(options: RunEndOptions = {}): Promise<void> {
    this.#sessions.end();
    this.#write("RunFinished", options.asOf, "finish", null, options.metadata ?? null);
    return this.#sink.flush();
  }

  /** Records `run_fail` with the error's message (status `failed`) and flushes. */
  fail(error: unknown, options: RunEndOptions = {}): Promise<void> {
    this.#sessions.end();
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.#write("RunFailed", options.asOf, "fail", reason, options.metadata ?? null);
    return this.#sink.flush();
  }

  #asOfMs(asOf: string): number {
    const asOfMs = asOfToMs(asOf);
    if (asOfMs > this.#lastAsOfMs) this.#lastAsOfMs = asOfMs;
    return asOfMs;
  }

  #openGroup(
    kind: "filled" | "placed",
    session: OrderSession,
    asOfMs: number,
    side: "buy" | "sell",
    orderType: string,
  ): void {
    this.#closeGroup();
    this.#group.open(kind, {
      runId: this.runId,
      sessionSeq: session.seq,
      traceId: session.traceId,
      asOfMs,
      recordedAt: this.#clock(),
      regime: this.#regime,
      side,
    }, orderType);
  }

  #closeGroup(): void {
    const group = this.#group.take();
    if (group !== null) this.#sink.recordGroup?.(group);
  }

  #emit(event: AuditEvent, session: OrderSession): void {
    this.#closeGroup();
    const context = this.#context;
    context.sessionSeq = session.seq;
    context.traceId = session.traceId;
    context.recordedAt = this.#clock();
    context.regime = this.#regime;
    const record = toRecord(event, context);
    if (record.asOfMs > this.#lastAsOfMs) this.#lastAsOfMs = record.asOfMs;
    this.#sink.record(record);
  }

  #write(
    name: LifecycleEventName,
    asOf: string | undefined,
    action: string,
    reason: string | null,
    metadata: Metadata | null,
  ): void {
    this.#closeGroup();
    const asOfMs = asOf === undefined ? this.#lastAsOfMs : asOfToMs(asOf);
    if (asOfMs > this.#lastAsOfMs) this.#lastAsOfMs = asOfMs;
    const session = this.#sessions.open;
    const context: RecordContext = {
      runId: this.runId,
      sessionSeq: session.seq,
      traceId: session.traceId,
      recordedAt: this.#clock(),
      regime: this.#regime,
    };
    this.#sink.record(lifecycleRecord(name, context, asOfMs, action, reason, metadata));
  }
}
