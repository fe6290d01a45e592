/**
 * The broker's working orders: the orders submitted and not yet filled,
 * expired or cancelled, in submission order, the ids they get, and the pool
 * their records are taken from and given back to (working_order.ts says why
 * records are pooled).
 *
 * @module
 */
import { blankOrder, type WorkingOrder } from "./working_order.ts";
import { sharesOf } from "./share_count.ts";

/** Working orders in submission order, with the id counter and the pool of released records. */
export class OrderBook {
  /** Working orders, in submission order; a fill pass compacts it in place. */
  pending: WorkingOrder[] = [];
  /** The id the next order gets. */
  nextId = 1;
  readonly #free: WorkingOrder[] = [];

  /**
   * Appends a record for a new order to the book, with the next id, and
   * returns it for the caller to fill in (a released record when there is
   * one, so its other fields are stale until then).
   */
  add(): WorkingOrder {
    const o = this.#free.pop() ?? blankOrder();
    o.id = this.nextId++;
    this.pending.push(o);
    return o;
  }

  /** Gives the record of an order that left the book (filled, expired) back to the pool. */
  release(o: WorkingOrder): void {
    this.#free.push(o);
  }

  /** Cancels working orders (all, or only those of rebalance groups). */
  cancel(onlyGroups: boolean): void {
    const keep: WorkingOrder[] = [];
    for (const o of this.pending) {
      if (onlyGroups && o.group === 0) keep.push(o);
      else this.#free.push(o);
    }
    this.pending = keep;
  }

  /**
   * Applies a split of `ratio` of `asset` to its working orders: sizes
   * multiplied (floored to whole shares unless `fractional`), prices divided.
   */
  split(asset: number, ratio: number, fractional: boolean): void {
    for (const o of this.pending) {
      if (o.asset !== asset) continue;
      o.size = sharesOf(o.size * ratio, fractional);
      o.price /= ratio;
    }
  }
}
