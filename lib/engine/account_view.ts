/**
 * The account snapshot a strategy receives each day, read from the broker.
 *
 * @module
 */
import type { Panel } from "../data/panel.ts";
import type { Broker } from "./broker.ts";
import type { AccountSnapshot } from "./strategy.ts";

/** An {@link AccountSnapshot} over the broker's state at one close; positions are built on first read. */
export class AccountView implements AccountSnapshot {
  readonly cash: number;
  readonly value: number;
  readonly pendingOrders: number;
  readonly #tickers: readonly string[];
  readonly #index: (ticker: string) => number;
  readonly #shares: Float64Array;
  #positions: Readonly<Record<string, number>> | undefined;

  constructor(broker: Broker, value: number, panel: Panel) {
    this.cash = broker.cash;
    this.value = value;
    this.pendingOrders = broker.pendingCount;
    this.#tickers = panel.tickers;
    this.#index = (tk) => panel.indexOf(tk);
    this.#shares = broker.shares;
  }

  get positions(): Readonly<Record<string, number>> {
    if (this.#positions === undefined) this.#positions = positionsOf(this.#tickers, this.#shares);
    return this.#positions;
  }

  readonly shares = (ticker: string): number => {
    const a = this.#index(ticker);
    return a < 0 ? 0 : this.#shares[a] as number;
  };
}

/** Shares held by ticker, non-zero only, frozen. */
export function positionsOf(
  tickers: readonly string[],
  shares: Float64Array,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (let a = 0; a < shares.length; a++) {
    if (shares[a] !== 0) out[tickers[a] as string] = shares[a] as number;
  }
  return Object.freeze(out);
}
