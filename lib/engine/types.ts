/**
 * The engine's data shapes: orders, fills, trades and the result of a run.
 *
 * @module
 */

/** Order sides. */
export type Side = "buy" | "sell";

/** Order types the broker simulates. */
export type OrderType = "market" | "limit" | "stop";

/** An order as a strategy asks for it. `size` is in shares, always > 0. */
export type OrderRequest = {
  readonly ticker: string;
  readonly side: Side;
  readonly size: number;
  readonly type?: OrderType;
  /** Limit price (limit orders) or trigger price (stop orders). */
  readonly price?: number;
  /** Days the order stays working before it expires; default 1 (the next bar only) for limit and stop, market orders fill at the next opportunity. */
  readonly validDays?: number;
  /** Free text carried into the fill and the audit log. */
  readonly reason?: string;
};

/** Why an order did not fill in full. */
export type OrderOutcome = "filled" | "trimmed" | "rejected" | "expired";

/** An order executed by the broker (one fill per order: daily bars give one price). */
export type Fill = {
  readonly orderId: number;
  readonly ticker: string;
  readonly side: Side;
  /** Shares filled (> 0). */
  readonly size: number;
  /** Execution price after slippage. */
  readonly price: number;
  readonly commission: number;
  /** ISO date of the bar the order was placed on (decision day). */
  readonly placed: string;
  /** ISO date of the bar it filled on. */
  readonly date: string;
  /** The order's `reason`, where it gave one. */
  readonly reason?: string;
};

/** An order that was trimmed, rejected or expired, with the reason. */
export type OrderNote = {
  readonly orderId: number;
  readonly ticker: string;
  readonly side: Side;
  readonly requested: number;
  readonly filled: number;
  readonly outcome: Exclude<OrderOutcome, "filled">;
  readonly reason: string;
  readonly date: string;
};

/** A round trip: from the fill that opened a position to the fill that closed it. */
export type Trade = {
  readonly ticker: string;
  readonly entryDate: string;
  readonly exitDate: string;
  readonly entryPrice: number;
  readonly exitPrice: number;
  readonly size: number;
  /** Profit and loss after commissions. */
  readonly pnl: number;
  /** pnl relative to the entry value. */
  readonly returnPct: number;
  /** Calendar days held. */
  readonly daysHeld: number;
  readonly commission: number;
};

/** The daily record of the account, column by column (one entry per calendar day of the run). */
export type EquityCurve = {
  readonly dates: readonly string[];
  /** Total value (cash + positions at the close). */
  readonly value: Float64Array;
  readonly cash: Float64Array;
  /** Gross position value / total value. */
  readonly exposure: Float64Array;
  /** Traded value that day / total value. */
  readonly turnover: Float64Array;
};

/** An order as the strategy (or a rebalance) placed it, for observers and the audit log. */
export type PlacedOrder = {
  readonly orderId: number;
  readonly ticker: string;
  readonly side: Side;
  readonly size: number;
  readonly type: OrderType;
  /** Limit or stop price; NaN for market orders. */
  readonly price: number;
  /** ISO date of the decision bar. */
  readonly date: string;
  readonly reason?: string;
};

/** What happened at the broker on one day of a run, for {@link BacktestObserver}s. */
export type DayActivity = {
  readonly t: number;
  readonly date: string;
  /** Orders placed at this day's close. */
  readonly placed: readonly PlacedOrder[];
  /** Fills of this day (at the open, or at the close with close fills). */
  readonly fills: readonly Fill[];
  /** Orders trimmed, rejected or expired this day. */
  readonly notes: readonly OrderNote[];
};

/** Watches a run day by day (the audit log's way in); it must not change anything. */
export type BacktestObserver = {
  /** Called once the broker has finished the day: its fills, notes and new orders. */
  readonly dayEnded: (activity: DayActivity) => void;
};

/**
 * The cash that rounding target-weight rebalances to whole shares left
 * uninvested, priced at each decision close (see eachRebalanceOrder). Below
 * zero when rounding up spent a little of the cash the targets kept out.
 */
export type WholeShareCash = {
  /** Target-weight rebalances counted. */
  readonly rebalances: number;
  /** At the last rebalance: the cash left uninvested, and as a fraction of the value. */
  readonly last: number;
  readonly lastShare: number;
  /** The mean and the largest fraction of the value over the rebalances. */
  readonly averageShare: number;
  readonly maxShare: number;
};
