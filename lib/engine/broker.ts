/**
 * The simulated broker: cash, positions, working orders, fills, splits.
 *
 * Rules:
 * - Orders wait in the broker's book (order_book.ts) until a fill pass at a
 *   day's open (or close, for market orders with `fill: "close"`) fills them,
 *   trims or rejects them for cash or holdings, or expires them: the rules of
 *   a pass are written in fill_pass.ts, those of triggers in fill_rules.ts.
 * - A split on day t (raw prices) multiplies held shares, open lots and
 *   working orders by its ratio and divides their prices, before the open.
 * - What the broker records of an order (as placed, its fills, its notes and
 *   their reasons) is written in order_records.ts.
 *
 * @module
 */
import type { Panel } from "../data/panel.ts";
import type { Fill, OrderNote, OrderType, PlacedOrder, Side, Trade } from "./types.ts";
import type { ResolvedBrokerOptions } from "./broker_options.ts";
import { LotBook } from "./lot_book.ts";
import { isoDateOfDay } from "./civil_day.ts";
import type { WorkingOrder } from "./working_order.ts";
import { OrderBook } from "./order_book.ts";
import { FillPass } from "./fill_pass.ts";
import { placedOrderOf } from "./order_records.ts";
import {
  type BrokerState,
  type LotState,
  type OrderState,
  orderStateOf,
  workingOrderOf,
} from "./broker_state.ts";

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
  readonly #book = new OrderBook();
  readonly #fills: FillPass;

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
    this.#fills = new FillPass(this, panel, options, this.#lots, this.#book);
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
    const book = broker.#book;
    for (const s of state.orders) book.pending.push(broker.#orderOf(s, asset(s.ticker)));
    book.nextId = state.nextOrderId;
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
    const orders = this.#book.pending.map((o) =>
      orderStateOf(o, tickers[o.asset] as string, this.dateAt(o.placedT))
    );
    return { cash: this.cash, nextOrderId: this.#book.nextId, shares, lastClose, lots, orders };
  }

  /** Number of working orders. */
  get pendingCount(): number {
    return this.#book.pending.length;
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
      this.#book.split(asset, ratio, this.#o.fractional);
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
    const o = this.#book.add();
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
      this.placed.push(placedOrderOf(o, this.#panel.tickers[asset] as string, this.dateAt(t)));
    }
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
    this.#book.cancel(onlyGroups);
  }

  /**
   * The fill pass at the open of day t: every working order placed before t,
   * except market orders when they fill at the close. Expired orders get a note.
   */
  fillAtOpen(t: number): void {
    if (this.#book.pending.length > 0) this.#fills.run(t, "open");
  }

  /** The fill pass at the close of day t for market orders when `fill: "close"`. */
  fillAtClose(t: number): void {
    if (this.#o.fill === "close" && this.#book.pending.length > 0) this.#fills.run(t, "close");
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
}
