/**
 * The sessions of a run as the audit log walks through them: the run's own
 * (sequence 0, for events outside sessions), the open one, and the session
 * that placed each working order, so that its fill or rejection joins that
 * session's trace. A continued run's sessions go on from where its last
 * writer stopped.
 *
 * @module
 */
import { traceIdOf } from "./ids.ts";
import { type OrderSession, OrderSessions } from "./order_sessions.ts";

/** The open session, the sessions opened so far and the sessions of working orders. */
export class LogSessions {
  readonly #runId: string;
  readonly #run: OrderSession;
  #open: OrderSession;
  #seq = 0;
  readonly #orders = new OrderSessions();

  constructor(runId: string) {
    this.#runId = runId;
    this.#run = { seq: 0, traceId: traceIdOf(runId, 0) };
    this.#open = this.#run;
  }

  /** The open session (the run's own outside sessions). */
  get open(): OrderSession {
    return this.#open;
  }

  /** Sessions opened so far: the next one is `seq + 1`. */
  get seq(): number {
    return this.#seq;
  }

  /** Opens the next session and returns it. */
  begin(): OrderSession {
    this.#seq += 1;
    return this.#open = { seq: this.#seq, traceId: traceIdOf(this.#runId, this.#seq) };
  }

  /** Closes the open session: the run's own is open until the next session. */
  end(): void {
    this.#open = this.#run;
  }

  /** Remembers that `session` placed order `orderId`. */
  placed(orderId: number, session: OrderSession): void {
    this.#orders.set(orderId, session);
  }

  /** The session that placed order `orderId` (forgotten now), else the open one. */
  placedIn(orderId: number): OrderSession {
    return this.#orders.take(orderId) ?? this.#open;
  }

  /** `[orderId, seq]` of each remembered order that `working` accepts, by order id. */
  working(working: (orderId: number) => boolean): [number, number][] {
    return this.#orders.entries().filter(([orderId]) => working(orderId));
  }

  /** Goes on after session `seq`, each order of `orderSessions` placed by its session. */
  continueAfter(seq: number, orderSessions: readonly (readonly [number, number])[]): void {
    this.#seq = seq;
    for (const [orderId, placedBy] of orderSessions) {
      this.#orders.set(orderId, { seq: placedBy, traceId: traceIdOf(this.#runId, placedBy) });
    }
  }
}
