/**
 * Order events in bulk: the broker's fills and placed orders of a day, handed
 * to the audit log as the broker made them ({@link AuditLog.recordFills},
 * {@link AuditLog.recordOrdersPlaced}) and passed on to a store that takes
 * them ({@link EventSink.recordGroup}) as groups: runs of consecutive events of
 * one kind, session, day, side and order type.
 *
 * Design decision: a 500-asset monthly rebalance places and fills about 160,000
 * orders over 5,000 days. Built one typed event, one record and one metadata
 * object at a time, they cost more than the whole run without the log; as
 * groups, the broker's own objects are referenced, not copied, and the
 * SQLite store writes one row a group (see docs/design.md, "The audit log at
 * scale"). Every event stays one row of the `portfolio_events` view.
 *
 * @module
 */

/** A fill as the broker reports it (the engine's `Fill` has this shape). */
export type BrokerFill = {
  readonly orderId: number;
  readonly ticker: string;
  readonly side: "buy" | "sell";
  /** Shares filled. */
  readonly size: number;
  readonly price: number;
  readonly commission: number;
};

/** An order as the broker took it (the engine's `PlacedOrder` has this shape). */
export type BrokerOrder = {
  readonly orderId: number;
  readonly ticker: string;
  readonly side: "buy" | "sell";
  /** Shares ordered. */
  readonly size: number;
  /** Order type: market, limit, stop... */
  readonly type: string;
  /** Limit or stop price; NaN (any value that is not finite) for none. */
  readonly price: number;
  readonly reason?: string | undefined;
};

/** What every event of a group shares. */
export type OrderGroupContext = {
  readonly runId: string;
  readonly sessionSeq: number;
  readonly traceId: string;
  /** Market time of the group's events in epoch ms. */
  readonly asOfMs: number;
  /** Wall clock when the group's first event was recorded. */
  readonly recordedAt: number;
  readonly regime: string | null;
  readonly side: "buy" | "sell";
};

/**
 * Consecutive order events of one kind, session, day, side (and order type,
 * for placed orders). Each fill is an `order_filled` event as
 * {@link AuditLog.record} would store it (reason `side shares @ price`,
 * metadata order_id, shares, price, commission), each order an `order_placed`
 * event (metadata order_id, shares, order_type and price where it has one).
 * Every number in a group is finite.
 */
export type OrderGroup =
  & OrderGroupContext
  & (
    | { readonly kind: "filled"; readonly fills: readonly BrokerFill[] }
    | {
      readonly kind: "placed";
      readonly orderType: string;
      readonly orders: readonly BrokerOrder[];
    }
  );

/** Whether a fill can go into a group: every number finite (else it is recorded on its own). */
export function groupableFill(f: BrokerFill): boolean {
  return Number.isFinite(f.orderId) && Number.isFinite(f.size) && Number.isFinite(f.price) &&
    Number.isFinite(f.commission);
}

/** Whether a placed order can go into a group: id and size finite (else it is recorded on its own). */
export function groupableOrder(o: BrokerOrder): boolean {
  return Number.isFinite(o.orderId) && Number.isFinite(o.size) && typeof o.type === "string";
}

/**
 * The open group of an {@link AuditLog}: filled while events of its key
 * arrive, handed to the sink when another event comes (its arrays are then
 * given away, not reused).
 */
export class OrderGroupBuilder {
  #context: OrderGroupContext | null = null;
  #kind: "filled" | "placed" = "filled";
  #orderType = "";
  #fills: BrokerFill[] = [];
  #orders: BrokerOrder[] = [];

  /** Whether an open group takes an event of this key. */
  takes(
    kind: "filled" | "placed",
    sessionSeq: number,
    asOfMs: number,
    side: string,
    orderType: string,
  ): boolean {
    const c = this.#context;
    return c !== null && this.#kind === kind && c.sessionSeq === sessionSeq &&
      c.asOfMs === asOfMs && c.side === side &&
      (kind === "filled" || this.#orderType === orderType);
  }

  /** Opens a group (the open one must have been taken). */
  open(kind: "filled" | "placed", context: OrderGroupContext, orderType: string): void {
    this.#context = context;
    this.#kind = kind;
    this.#orderType = orderType;
  }

  /** Adds a fill to the open group of kind `filled`. */
  addFill(fill: BrokerFill): void {
    this.#fills.push(fill);
  }

  /** Adds an order to the open group of kind `placed`. */
  addOrder(order: BrokerOrder): void {
    this.#orders.push(order);
  }

  /** The open group, now closed; null when none is open. */
  take(): OrderGroup | null {
    const context = this.#context;
    if (context === null) return null;
    this.#context = null;
    if (this.#kind === "filled") {
      const fills = this.#fills;
      this.#fills = [];
      return { ...context, kind: "filled", fills };
    }
    const orders = this.#orders;
    this.#orders = [];
    return { ...context, kind: "placed", orderType: this.#orderType, orders };
  }
}
