/**
 * One fill pass of the broker, at a day's open or close: which working orders
 * it looks at, which of them trigger (see {@link triggerPrice}), expire or
 * wait, and how the triggered ones fill against the account.
 *
 * Rules:
 * - Sells execute before buys on every fill pass, so their cash pays for the buys.
 * - A buy that cash cannot cover is trimmed to the shares that fit (whole
 *   shares unless `fractional`) or, with `insufficientCash: "reject"` or when
 *   not one share fits, rejected; either way an {@link OrderNote} says why.
 *   With `margin: true` buys are never cut for cash and cash may go negative.
 * - Sells are long-only: a sell larger than the holding is trimmed to it, a
 *   sell with nothing held is rejected.
 * - The buys of one target-weight rebalance are scaled by one common factor
 *   when, at the fill, they cost more than the cash available (a gap up since
 *   the decision); each cut buy gets a "trimmed" note naming the factor. With
 *   whole shares rounded `nearest` or `band`, the cash the flooring of the
 *   scaled sizes frees goes back, a share at a time, to the largest remainders.
 * - An asset without a bar on a day cannot trade: its orders wait (market) or
 *   expire after `validDays` days of the calendar (limit and stop, default 1).
 *
 * Design decision: the pass reuses its scratch lists and the broker's pooled
 * order records and allocates nothing an order but the records it keeps (a
 * fill, a note); it runs for every order of every rebalance.
 *
 * @module
 */
import type { Panel } from "../data/panel.ts";
import type { Fill, OrderNote, OrderOutcome, Trade } from "./types.ts";
import type { ResolvedBrokerOptions } from "./broker_options.ts";
import { commissionFor, sharesThatFit } from "./commission.ts";
import { slippedPrice, triggerPrice } from "./fill_rules.ts";
import type { LotBook } from "./lot_book.ts";
import { scaleBuysToCash, topUpScaledBuys } from "./cash_scaling.ts";
import type { OrderBook } from "./order_book.ts";
import type { WorkingOrder } from "./working_order.ts";
import {
  cashCannotCoverReason,
  cashCoversReason,
  commissionExceedsReason,
  expiryReason,
  fillOf,
  noShareFitsReason,
  noteOf,
  nothingHeldReason,
  onlyHeldReason,
  scaledToCashReason,
} from "./order_records.ts";
import { SHARE_EPS } from "./share_count.ts";

/** Which working orders a fill pass looks at. */
export type PassKind = "open" | "close";

/** What a fill pass changes: cash, positions and the records of a run (the Broker is one). */
export interface FillAccount {
  cash: number;
  /** Shares held by asset index. */
  readonly shares: Float64Array;
  readonly fills: Fill[];
  readonly notes: OrderNote[];
  readonly trades: Trade[];
  /** Value traded on the current day (sum of |shares * price|). */
  tradedToday: number;
  /** ISO date of day index t. */
  dateAt(t: number): string;
}

/** The fill passes of one broker; see the module doc for the rules. */
export class FillPass {
  readonly #account: FillAccount;
  readonly #panel: Panel;
  readonly #o: ResolvedBrokerOptions;
  readonly #lots: LotBook;
  readonly #book: OrderBook;
  // Scratch lists of one fill pass, reused.
  readonly #sells: WorkingOrder[] = [];
  readonly #buys: WorkingOrder[] = [];
  readonly #group: WorkingOrder[] = [];

  constructor(
    account: FillAccount,
    panel: Panel,
    options: ResolvedBrokerOptions,
    lots: LotBook,
    book: OrderBook,
  ) {
    this.#account = account;
    this.#panel = panel;
    this.#o = options;
    this.#lots = lots;
    this.#book = book;
  }

  /** Runs the pass of `kind` on day t: sells, then buys (a rebalance's together), then releases their records. */
  run(t: number, kind: PassKind): void {
    const sells = this.#sells, buys = this.#buys;
    this.#collect(t, kind);
    for (const o of sells) this.#sell(o, t);
    for (let i = 0; i < buys.length; i++) {
      const o = buys[i] as WorkingOrder;
      if (o.group === 0) this.#buy(o, o.size, t, false);
      else if (o.group > 0) this.#groupBuy(o.group, i, t);
    }
    const book = this.#book;
    for (const o of sells) book.release(o);
    for (const o of buys) book.release(o);
    sells.length = 0;
    buys.length = 0;
  }

  #eligible(o: WorkingOrder, t: number, kind: PassKind): boolean {
    if (kind === "close") return o.type === "market";
    return o.placedT < t && (o.type !== "market" || this.#o.fill === "nextOpen");
  }

  /**
   * Takes the orders of the pass that trigger on day t out of the book into
   * the scratch sells and buys (raw price set), expires those whose last day
   * is t (with a note) and leaves the rest working.
   */
  #collect(t: number, kind: PassKind): void {
    const p = this.#panel, book = this.#book;
    const sells = this.#sells, buys = this.#buys;
    sells.length = 0;
    buys.length = 0;
    let kept = 0;
    const pending = book.pending;
    for (let i = 0; i < pending.length; i++) {
      const o = pending[i] as WorkingOrder;
      if (!this.#eligible(o, t, kind)) {
        pending[kept++] = o;
        continue;
      }
      const close = (p.close[o.asset] as Float64Array)[t] as number;
      const raw = close !== close ? NaN : kind === "close" ? close : triggerPrice(
        o.type,
        o.side,
        o.price,
        (p.open[o.asset] as Float64Array)[t] as number,
        (p.high[o.asset] as Float64Array)[t] as number,
        (p.low[o.asset] as Float64Array)[t] as number,
      );
      if (raw === raw) {
        o.raw = raw;
        (o.side === "sell" ? sells : buys).push(o);
      } else if (t >= o.lastT) {
        const ticker = p.tickers[o.asset] as string;
        this.#note(o, 0, "expired", expiryReason(o, ticker, close !== close), t);
        book.release(o);
      } else {
        pending[kept++] = o;
      }
    }
    pending.length = kept;
  }

  #buyPrice(o: WorkingOrder): number {
    return slippedPrice(o.raw, "buy", this.#o.slippageBps, o.type, o.price);
  }

  /** Fills the buys of rebalance group `id` (from index `from` of this pass's buys) with one common scale. */
  #groupBuy(id: number, from: number, t: number): void {
    const group = this.#group;
    group.length = 0;
    for (let i = from; i < this.#buys.length; i++) {
      const o = this.#buys[i] as WorkingOrder;
      if (o.group === id) {
        group.push(o);
        o.group = -o.group; // marks it handled for this pass
      }
    }
    const requested = Float64Array.from(group, (o) => o.size);
    const sizes = requested.slice();
    if (!this.#o.margin) {
      const cash = this.#account.cash;
      const prices = Float64Array.from(group, (o) => this.#buyPrice(o));
      const { commission, fractional } = this.#o;
      const factor = scaleBuysToCash(requested, prices, commission, cash, fractional, sizes);
      if (factor < 1 && !fractional && this.#o.rounding !== "down") {
        topUpScaledBuys(requested, prices, commission, cash, factor, sizes);
      }
      const reason = scaledToCashReason(factor);
      for (let i = 0; i < group.length; i++) {
        const o = group[i] as WorkingOrder, n = sizes[i] as number;
        if (n < o.size) this.#note(o, n, n > 0 ? "trimmed" : "rejected", reason, t);
      }
    }
    for (let i = 0; i < group.length; i++) {
      const n = sizes[i] as number;
      if (n > 0) this.#buy(group[i] as WorkingOrder, n, t, true);
    }
    group.length = 0;
  }

  /** Buys `size` shares of `o`, cut to what cash covers unless on margin; `noted`: a cut already has its note. */
  #buy(o: WorkingOrder, size: number, t: number, noted: boolean): void {
    const a = this.#account, c = this.#o.commission;
    const price = this.#buyPrice(o);
    let n = size;
    if (!this.#o.margin && n * price + commissionFor(c, n, price) > a.cash) {
      const ticker = this.#panel.tickers[o.asset] as string;
      if (this.#o.insufficientCash === "reject") {
        const need = n * price + commissionFor(c, n, price);
        this.#note(o, 0, "rejected", cashCannotCoverReason(a.cash, need), t);
        return;
      }
      n = sharesThatFit(c, a.cash, price, this.#o.fractional);
      if (n <= 0) {
        this.#note(o, 0, "rejected", noShareFitsReason(a.cash, ticker, price), t);
        return;
      }
      if (!noted || n < size) this.#note(o, n, "trimmed", cashCoversReason(a.cash, n, size), t);
    }
    const fee = commissionFor(c, n, price);
    a.cash -= n * price + fee;
    a.shares[o.asset] = (a.shares[o.asset] as number) + n;
    this.#lots.open(o.asset, n, price, fee, this.#panel.days[t] as number, a.dateAt(t));
    this.#fill(o, n, price, fee, t);
  }

  /** Sells `o` (long-only: trimmed to the holding, rejected with nothing held). */
  #sell(o: WorkingOrder, t: number): void {
    const a = this.#account;
    const ticker = this.#panel.tickers[o.asset] as string;
    const held = a.shares[o.asset] as number;
    if (held <= 0) {
      this.#note(o, 0, "rejected", nothingHeldReason(ticker), t);
      return;
    }
    const n = Math.min(o.size, held);
    const price = slippedPrice(o.raw, "sell", this.#o.slippageBps, o.type, o.price);
    const fee = commissionFor(this.#o.commission, n, price);
    const proceeds = n * price - fee;
    if (!this.#o.margin && a.cash + proceeds < 0) {
      this.#note(o, 0, "rejected", commissionExceedsReason(fee), t);
      return;
    }
    if (n < o.size) this.#note(o, n, "trimmed", onlyHeldReason(held, ticker), t);
    a.cash += proceeds;
    const left = held - n;
    a.shares[o.asset] = Math.abs(left) < SHARE_EPS ? 0 : left;
    const day = this.#panel.days[t] as number;
    this.#lots.close(o.asset, ticker, n, price, fee, day, a.dateAt(t), a.trades);
    this.#fill(o, n, price, fee, t);
  }

  #fill(o: WorkingOrder, size: number, price: number, commission: number, t: number): void {
    const a = this.#account;
    a.tradedToday += size * price;
    const ticker = this.#panel.tickers[o.asset] as string;
    a.fills.push(fillOf(o, ticker, size, price, commission, a.dateAt(o.placedT), a.dateAt(t)));
  }

  #note(
    o: WorkingOrder,
    filled: number,
    outcome: Exclude<OrderOutcome, "filled">,
    reason: string,
    t: number,
  ): void {
    const ticker = this.#panel.tickers[o.asset] as string;
    this.#account.notes.push(noteOf(o, ticker, filled, outcome, reason, this.#account.dateAt(t)));
  }
}
