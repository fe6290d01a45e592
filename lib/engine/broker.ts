/**
 * The simulated broker: cash, positions, working orders, fills, splits.
 *
 * Rules (see also {@link triggerPrice} for order triggers):
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
 * - A split on day t (raw prices) multiplies held shares, open lots and
 *   working orders by its ratio and divides their prices, before the open.
 *
 * @module
 */
import type { Panel } from "../data/panel.ts";
import type {
  Fill,
  OrderNote,
  OrderOutcome,
  OrderType,
  PlacedOrder,
  Side,
  Trade,
} from "./types.ts";
import type { ResolvedBrokerOptions } from "./broker_options.ts";
import { commissionFor, sharesThatFit } from "./commission.ts";
import { slippedPrice, triggerPrice } from "./fill_rules.ts";
import { LotBook } from "./lot_book.ts";
import { scaleBuysToCash, topUpScaledBuys } from "./cash_scaling.ts";
import { isoDateOfDay } from "./civil_day.ts";
import { blankOrder, type WorkingOrder } from "./working_order.ts";
import {
  type BrokerState,
  type LotState,
  type OrderState,
  orderStateOf,
  workingOrderOf,
} from "./broker_state.ts";

const EPS = 1e-9;

/** Which working orders a fill pass looks at. */
type _PassKind = "open" | "close";

/** Cash, positions and working orders of one run; see the module doc for the rules. */
export class Broker {
  cash: number;
  /** Shares held by asset index. */
  readonly shares: Float64Array;
  /** Last known close by asset index (NaN before the first bar): the valuation price. */
  readonly lastClose: Float64Array;
  readonly fills: Fill[] = [];
  readonly notes: OrderNote[] = [];
  /**
   * Orders as submitted since the last {@link takePlaced}, recorded only when
   * `recordPlaced` is on (a run with an observer). Design decision: handed
   * over and dropped each day, not kept for the run: 80,000 orders kept to the
   * end of a 500-asset run were copied by every garbage collection.
   */
  placed: PlacedOrder[] = [];
  /** Whether {@link Broker.submit} records into `placed`. */
  recordPlaced = false;
  readonly trades: Trade[] = [];
  /** Value traded on the current day (sum of |shares * price|). */
  tradedToday = 0;

  readonly #panel: Panel;
  readonly #o: ResolvedBrokerOptions;
  readonly #lots: LotBook;
  readonly #dates: (string | undefined)[];
  readonly #splitsByDay: Map<number, { asset: number; ratio: number }[]>;
  /** Working orders, in submission order. */
  #pending: WorkingOrder[] = [];
  readonly #free: WorkingOrder[] = [];
  // Scratch lists of one fill pass, reused.
  readonly #sells: WorkingOrder[] = [];
  readonly #buys: WorkingOrder[] = [];
  readonly #group: WorkingOrder[] = [];
  #nextId = 1;

  constructor(panel: Panel, cash: number, options: ResolvedBrokerOptions) {
    this.#panel = panel;
    this.#o = options;
    this.cash = cash;
    this.shares = new Float64Array(panel.assetCount);
    this.lastClose = new Float64Array(panel.assetCount).fill(NaN);
    this.#lots = new LotBook(panel.assetCount);
    this.#dates = new Array(panel.dayCount);
    this.#splitsByDay = new Map();
    panel.splits.forEach((list, asset) => {
      for (const s of list) {
        const day = this.#splitsByDay.get(s.t) ?? [];
        day.push({ asset, ratio: s.ratio });
        this.#splitsByDay.set(s.t, day);
      }
    });
  }

  /**
   * A broker over `panel` in the state a previous day left (see
   * broker_state.ts); the next day it runs fills, values and trades as the
   * broker that saved the state would have. A ticker or an order's date that
   * the Panel lacks is a RangeError (callers check them first).
   */
  static restore(panel: Panel, options: ResolvedBrokerOptions, state: BrokerState): Broker {
    const broker = new Broker(panel, state.cash, options);
    const asset = (ticker: string) => {
      const a = panel.indexOf(ticker);
      if (a < 0) {
        throw new RangeError(
          `Cannot restore the broker as ticker ${ticker} must be in the Panel: current value is absent`,
        );
      }
      return a;
    };
    for (const [ticker, n] of Object.entries(state.shares)) broker.shares[asset(ticker)] = n;
    for (const [ticker, c] of Object.entries(state.lastClose)) broker.lastClose[asset(ticker)] = c;
    for (const [ticker, lots] of Object.entries(state.lots)) {
      broker.#lots.restoreLots(asset(ticker), lots);
    }
    for (const s of state.orders) broker.#pending.push(broker.#orderOf(s, asset(s.ticker)));
    broker.#nextId = state.nextOrderId;
    return broker;
  }

  #orderOf(s: OrderState, asset: number): WorkingOrder {
    const placedT = this.#panel.indexOnOrAfter(s.placed);
    if (placedT >= this.#panel.dayCount || this.dateAt(placedT) !== s.placed) {
      throw new RangeError(
        `Cannot restore order ${s.id} as its day ${s.placed} must be in the Panel: current value is absent`,
      );
    }
    return workingOrderOf(s, asset, placedT);
  }

  /** The state to carry to the next day (see broker_state.ts); histories (fills, notes, trades) are not part of it. */
  snapshot(): BrokerState {
    const tickers = this.#panel.tickers;
    const shares: Record<string, number> = {};
    const lastClose: Record<string, number> = {};
    const lots: Record<string, LotState[]> = {};
    for (let a = 0; a < tickers.length; a++) {
      const ticker = tickers[a] as string;
      if (this.shares[a] !== 0) shares[ticker] = this.shares[a] as number;
      const c = this.lastClose[a] as number;
      if (c === c) lastClose[ticker] = c;
      const open = this.#lots.openLots(a);
      if (open.length > 0) lots[ticker] = open;
    }
    const orders = this.#pending.map((o) =>
      orderStateOf(o, tickers[o.asset] as string, this.dateAt(o.placedT))
    );
    return { cash: this.cash, nextOrderId: this.#nextId, shares, lastClose, lots, orders };
  }

  /** Number of working orders. */
  get pendingCount(): number {
    return this.#pending.length;
  }

  /** ISO date of day index t (cached). */
  dateAt(t: number): string {
    const d = this.#dates[t];
    if (d !== undefined) return d;
    const s = isoDateOfDay(this.#panel.days[t] as number);
    this.#dates[t] = s;
    return s;
  }

  /** Starts day t: resets the day's traded value and applies splits effective that day. */
  beginDay(t: number): void {
    this.tradedToday = 0;
    const splits = this.#splitsByDay.get(t);
    if (splits === undefined) return;
    for (const { asset, ratio } of splits) {
      this.shares[asset] = (this.shares[asset] as number) * ratio;
      this.lastClose[asset] = (this.lastClose[asset] as number) / ratio;
      this.#lots.split(asset, ratio);
      for (const o of this.#pending) {
        if (o.asset !== asset) continue;
        o.size = this.#o.fractional ? o.size * ratio : Math.floor(o.size * ratio + EPS);
        o.price /= ratio;
      }
    }
  }

  /**
   * Queues an order placed at the close of day t (arguments validated by the
   * caller; `price` is ignored for market orders); returns its id.
   */
  submit(
    t: number,
    asset: number,
    side: Side,
    size: number,
    type: OrderType,
    price: number,
    validDays: number,
    group: number,
    reason?: string,
  ): number {
    const o = this.#free.pop() ?? blankOrder();
    o.id = this.#nextId++;
    o.asset = asset;
    o.side = side;
    o.type = type;
    o.requested = size;
    o.size = size;
    o.price = type === "market" ? NaN : price;
    o.placedT = t;
    o.lastT = t + validDays;
    o.group = group;
    o.raw = NaN;
    o.reason = reason;
    if (this.recordPlaced) {
      // Two literals, not a spread of the optional reason: a spread costs more than the rest of submit.
      const ticker = this.#panel.tickers[asset] as string, date = this.dateAt(t);
      this.placed.push(
        reason === undefined
          ? { orderId: o.id, ticker, side, size, type, price: o.price, date }
          : { orderId: o.id, ticker, side, size, type, price: o.price, date, reason },
      );
    }
    this.#pending.push(o);
    return o.id;
  }

  /** The orders recorded since the last call (see {@link placed}); the record starts empty again. */
  takePlaced(): PlacedOrder[] {
    const placed = this.placed;
    if (placed.length > 0) this.placed = [];
    return placed;
  }

  /** Cancels working orders (all, or only those of rebalance groups); no notes. */
  cancel(onlyGroups: boolean): void {
    const keep: WorkingOrder[] = [];
    for (const o of this.#pending) {
      if (onlyGroups && o.group === 0) keep.push(o);
      else this.#free.push(o);
    }
    this.#pending = keep;
  }

  /**
   * The fill pass at the open of day t: every working order placed before t,
   * except market orders when they fill at the close. Expired orders get a note.
   */
  fillAtOpen(t: number): void {
    if (this.#pending.length > 0) this.#pass(t, "open");
  }

  /** The fill pass at the close of day t for market orders when `fill: "close"`. */
  fillAtClose(t: number): void {
    if (this.#o.fill === "close" && this.#pending.length > 0) this.#pass(t, "close");
  }

  /** Updates last closes with day t and returns `[value, grossPositionValue]` at that close. */
  markToMarket(t: number): { value: number; gross: number } {
    const close = this.#panel.close;
    const shares = this.shares, last = this.lastClose;
    let gross = 0, net = 0;
    for (let a = 0; a < last.length; a++) {
      const c = (close[a] as Float64Array)[t] as number;
      if (c === c) last[a] = c;
      const s = shares[a] as number;
      if (s !== 0) {
        const v = s * (last[a] as number);
        net += v;
        gross += Math.abs(v);
      }
    }
    return { value: this.cash + net, gross };
  }

  #eligible(o: WorkingOrder, t: number, kind: _PassKind): boolean {
    if (kind === "close") return o.type === "market";
    return o.placedT < t && (o.type !== "market" || this.#o.fill === "nextOpen");
  }

  #pass(t: number, kind: _PassKind): void {
    const p = this.#panel;
    const sells = this.#sells, buys = this.#buys;
    sells.length = 0;
    buys.length = 0;
    let kept = 0;
    const pending = this.#pending;
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
        this.#note(o, 0, "expired", this.#expiryReason(o, close !== close), t);
        this.#free.push(o);
      } else {
        pending[kept++] = o;
      }
    }
    pending.length = kept;
    for (const o of sells) this.#sell(o, t);
    for (let i = 0; i < buys.length; i++) {
      const o = buys[i] as WorkingOrder;
      if (o.group === 0) this.#buy(o, o.size, t, false);
      else if (o.group > 0) this.#groupBuy(o.group, i, t);
    }
    for (const o of sells) this.#free.push(o);
    for (const o of buys) this.#free.push(o);
    sells.length = 0;
    buys.length = 0;
  }

  #expiryReason(o: WorkingOrder, noBar: boolean): string {
    const days = o.lastT - o.placedT;
    const span = `${days} day${days === 1 ? "" : "s"}`;
    if (noBar) return `no bar for ${this.#panel.tickers[o.asset]} within ${span}`;
    return `${o.type} ${o.price} not reached within ${span}`;
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
      const prices = Float64Array.from(group, (o) => this.#buyPrice(o));
      const { commission, fractional } = this.#o;
      const factor = scaleBuysToCash(requested, prices, commission, this.cash, fractional, sizes);
      if (factor < 1 && !fractional && this.#o.rounding !== "down") {
        topUpScaledBuys(requested, prices, commission, this.cash, factor, sizes);
      }
      const reason = `scaled by ${factor.toFixed(4)} to fit cash after a gap`;
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

  #buy(o: WorkingOrder, size: number, t: number, noted: boolean): void {
    const c = this.#o.commission;
    const price = this.#buyPrice(o);
    let n = size;
    if (!this.#o.margin && n * price + commissionFor(c, n, price) > this.cash) {
      const ticker = this.#panel.tickers[o.asset];
      const need = (n * price + commissionFor(c, n, price)).toFixed(2);
      if (this.#o.insufficientCash === "reject") {
        this.#note(o, 0, "rejected", `cash ${this.cash.toFixed(2)} cannot cover ${need}`, t);
        return;
      }
      n = sharesThatFit(c, this.cash, price, this.#o.fractional);
      if (n <= 0) {
        const reason = `cash ${this.cash.toFixed(2)} cannot cover one share of ${ticker} at ${
          price.toFixed(2)
        } plus commission`;
        this.#note(o, 0, "rejected", reason, t);
        return;
      }
      if (!noted || n < size) {
        this.#note(o, n, "trimmed", `cash ${this.cash.toFixed(2)} covers ${n} of ${size}`, t);
      }
    }
    const fee = commissionFor(c, n, price);
    this.cash -= n * price + fee;
    this.shares[o.asset] = (this.shares[o.asset] as number) + n;
    this.#lots.open(o.asset, n, price, fee, this.#panel.days[t] as number, this.dateAt(t));
    this.#fill(o, n, price, fee, t);
  }

  #sell(o: WorkingOrder, t: number): void {
    const ticker = this.#panel.tickers[o.asset] as string;
    const held = this.shares[o.asset] as number;
    if (held <= 0) {
      this.#note(o, 0, "rejected", `no shares of ${ticker} held`, t);
      return;
    }
    const n = Math.min(o.size, held);
    const price = slippedPrice(o.raw, "sell", this.#o.slippageBps, o.type, o.price);
    const fee = commissionFor(this.#o.commission, n, price);
    const proceeds = n * price - fee;
    if (!this.#o.margin && this.cash + proceeds < 0) {
      this.#note(o, 0, "rejected", `commission ${fee.toFixed(2)} exceeds cash plus proceeds`, t);
      return;
    }
    if (n < o.size) this.#note(o, n, "trimmed", `only ${held} shares of ${ticker} held`, t);
    this.cash += proceeds;
    const left = held - n;
    this.shares[o.asset] = Math.abs(left) < EPS ? 0 : left;
    const day = this.#panel.days[t] as number;
    this.#lots.close(o.asset, ticker, n, price, fee, day, this.dateAt(t), this.trades);
    this.#fill(o, n, price, fee, t);
  }

  #fill(o: WorkingOrder, size: number, price: number, commission: number, t: number): void {
    this.tradedToday += size * price;
    const fill: Fill = {
      orderId: o.id,
      ticker: this.#panel.tickers[o.asset] as string,
      side: o.side,
      size,
      price,
      commission,
      placed: this.dateAt(o.placedT),
      date: this.dateAt(t),
    };
    this.fills.push(o.reason === undefined ? fill : { ...fill, reason: o.reason });
  }

  #note(
    o: WorkingOrder,
    filled: number,
    outcome: Exclude<OrderOutcome, "filled">,
    reason: string,
    t: number,
  ): void {
    this.notes.push({
      orderId: o.id,
      ticker: this.#panel.tickers[o.asset] as string,
      side: o.side,
      requested: o.requested,
      filled,
      outcome,
      reason,
      date: this.dateAt(t),
    });
  }
}
