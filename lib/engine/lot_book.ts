/**
 * Open lots per asset and the round trips (trades) they close into.
 *
 * Matching rule: first in, first out. Each buy fill opens a lot; a sell closes
 * the oldest lots first, and every (part of a) lot it closes is one
 * {@link Trade}, so a sell that spans two lots gives two trades and a partial
 * sell leaves the rest of the lot open. A trade's commission is the lot's entry
 * commission and the sell's commission, each pro rata to the shares closed;
 * `pnl = (exit - entry) * size - commission`, `returnPct = pnl / (entry * size)`.
 *
 * @module
 */
import type { Trade } from "./types.ts";
import type { LotState } from "./broker_state.ts";

type _Lot = {
  size: number;
  price: number;
  /** Entry commission per share still open. */
  commissionPerShare: number;
  day: number;
  date: string;
};

/** FIFO lots of every asset, indexed by asset. */
export class LotBook {
  readonly #lots: _Lot[][];
  readonly #head: Int32Array;
  /** Closed lot records for reuse (a lot lives from its buy to its last sell). */
  readonly #free: _Lot[] = [];

  constructor(assetCount: number) {
    this.#lots = Array.from({ length: assetCount }, () => []);
    this.#head = new Int32Array(assetCount);
  }

  /** Records a buy fill as a new lot. */
  open(asset: number, size: number, price: number, commission: number, day: number, date: string) {
    const lot = this.#free.pop() ?? { size: 0, price: 0, commissionPerShare: 0, day: 0, date: "" };
    lot.size = size;
    lot.price = price;
    lot.commissionPerShare = commission / size;
    lot.day = day;
    lot.date = date;
    (this.#lots[asset] as _Lot[]).push(lot);
  }

  /**
   * Closes `size` shares of `asset` FIFO at `price`, charging `commission` on
   * them; appends the trades to `out` and returns the entry value of the
   * shares closed (backtrader's "Cost" of a sell).
   */
  close(
    asset: number,
    ticker: string,
    size: number,
    price: number,
    commission: number,
    day: number,
    date: string,
    out: Trade[],
  ): number {
    const lots = this.#lots[asset] as _Lot[];
    let left = size, costBasis = 0;
    let h = this.#head[asset] as number;
    while (left > 1e-12 && h < lots.length) {
      const lot = lots[h] as _Lot;
      const n = Math.min(lot.size, left);
      const fee = lot.commissionPerShare * n + commission * (n / size);
      const pnl = (price - lot.price) * n - fee;
      out.push({
        ticker,
        entryDate: lot.date,
        exitDate: date,
        entryPrice: lot.price,
        exitPrice: price,
        size: n,
        pnl,
        returnPct: pnl / (lot.price * n),
        daysHeld: day - lot.day,
        commission: fee,
      });
      costBasis += lot.price * n;
      lot.size -= n;
      left -= n;
      if (lot.size <= 1e-12) {
        this.#free.push(lot);
        h++;
      }
    }
    if (h === lots.length) {
      lots.length = 0;
      h = 0;
    } else if (h > 64 && h * 2 > lots.length) {
      lots.splice(0, h);
      h = 0;
    }
    this.#head[asset] = h;
    return costBasis;
  }

  /** The open lots of `asset`, oldest first, as plain records. */
  openLots(asset: number): LotState[] {
    const lots = this.#lots[asset] as _Lot[];
    const out: LotState[] = [];
    for (let i = this.#head[asset] as number; i < lots.length; i++) {
      const { size, price, commissionPerShare, day, date } = lots[i] as _Lot;
      out.push({ size, price, commissionPerShare, day, date });
    }
    return out;
  }

  /** Appends restored lots to `asset` (oldest first), as {@link openLots} gave them. */
  restoreLots(asset: number, lots: readonly LotState[]): void {
    for (const { size, price, commissionPerShare, day, date } of lots) {
      (this.#lots[asset] as _Lot[]).push({ size, price, commissionPerShare, day, date });
    }
  }

  /** Applies a split: lot sizes times `ratio`, prices and per-share fees divided by it. */
  split(asset: number, ratio: number): void {
    const lots = this.#lots[asset] as _Lot[];
    for (let i = this.#head[asset] as number; i < lots.length; i++) {
      const lot = lots[i] as _Lot;
      lot.size *= ratio;
      lot.price /= ratio;
      lot.commissionPerShare /= ratio;
    }
  }
}
