/**
 * Which session placed each working order, so that its fill or rejection
 * joins that session's trace.
 *
 * Design decision: the broker numbers orders 1, 2, 3, ..., so the session of
 * an order is kept in a typed array indexed by its id (ids that are not small
 * whole numbers go to a Map). An audited 500-asset run places and fills 80,000
 * orders each way; a Map's set, get and delete for each cost about a tenth of
 * the whole log (measured for issue 13).
 *
 * @module
 */

/** Ids below this are kept in the array. */
const DENSE_LIMIT = 1 << 26;

/** A session as the log knows it. */
export type OrderSession = { readonly seq: number; readonly traceId: string };

/** Order id -> the session that placed it, for orders not yet filled or rejected. */
export class OrderSessions {
  /** seq + 1 of the session that placed order `id` at index `id`; 0 for none. */
  #dense = new Int32Array(1024);
  readonly #sparse = new Map<number, OrderSession>();
  /** The sessions the array refers to, by seq. */
  readonly #sessions: (OrderSession | undefined)[] = [];

  /** Remembers that `session` placed order `orderId`. */
  set(orderId: number, session: OrderSession): void {
    if (!_dense(orderId)) {
      this.#sparse.set(orderId, session);
      return;
    }
    if (orderId >= this.#dense.length) {
      const grown = new Int32Array(Math.max(orderId + 1, this.#dense.length * 2));
      grown.set(this.#dense);
      this.#dense = grown;
    }
    this.#sessions[session.seq] = session;
    this.#dense[orderId] = session.seq + 1;
  }

  /** The session that placed `orderId`, forgotten now; undefined when unknown. */
  take(orderId: number): OrderSession | undefined {
    if (!_dense(orderId)) {
      const session = this.#sparse.get(orderId);
      this.#sparse.delete(orderId);
      return session;
    }
    const code = orderId < this.#dense.length ? this.#dense[orderId] as number : 0;
    if (code === 0) return undefined;
    this.#dense[orderId] = 0;
    return this.#sessions[code - 1];
  }

  /** Every remembered `[orderId, seq]`, by order id. */
  entries(): [number, number][] {
    const out: [number, number][] = [];
    const dense = this.#dense;
    for (let id = 0; id < dense.length; id++) {
      const code = dense[id] as number;
      if (code !== 0) out.push([id, code - 1]);
    }
    for (const [id, session] of this.#sparse) out.push([id, session.seq]);
    return out.sort((a, b) => a[0] - b[0]);
  }
}

function _dense(orderId: number): boolean {
  return Number.isInteger(orderId) && orderId >= 0 && orderId < DENSE_LIMIT;
}
