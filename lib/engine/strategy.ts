/**
 * The strategy contract: what a strategy sees each day and what it may decide.
 *
 * @module
 */
import type { PanelView } from "../data/panel.ts";
import type { OrderRequest } from "./types.ts";
import type { JsonValue } from "../protection/rule.ts";

/**
 * The account as the strategy sees it at the close of a day, after that day's
 * fills. Read it during `onDay`: `positions` and `shares()` read the live book.
 */
export type AccountSnapshot = {
  readonly cash: number;
  /** Cash plus positions at their last known closes. */
  readonly value: number;
  /** Shares held by ticker (only non-zero holdings). Built on first read. */
  readonly positions: Readonly<Record<string, number>>;
  /** Orders still working at the broker. */
  readonly pendingOrders: number;
  /** Shares held of one ticker (0 when none). */
  readonly shares: (ticker: string) => number;
};

/** What {@link Strategy.onDay} receives. */
export type DayContext = {
  /** The Panel at day t: it cannot read later days. */
  readonly view: PanelView;
  /** Day index in the Panel. */
  readonly t: number;
  /** ISO date of day t. */
  readonly date: string;
  readonly account: AccountSnapshot;
};

/**
 * What a strategy wants done. `cancelPending` runs first, then `targets`
 * (ticker -> fraction of total value, the whole portfolio: tickers left out go
 * to zero; a new set of targets replaces rebalance orders still pending), then
 * `orders`.
 */
export type Decision = {
  readonly orders?: readonly OrderRequest[];
  readonly targets?: Readonly<Record<string, number>>;
  readonly cancelPending?: boolean;
};

/** What a strategy learns once, before the first day. */
export type RunInfo = {
  readonly tickers: readonly string[];
  /** ISO date of the first day of the run. */
  readonly start: string;
  /** ISO date of the last day of the run. */
  readonly end: string;
};

/** A trading strategy: a name and a decision at each close. */
export interface Strategy {
  /** Shown in results and error messages. */
  readonly name: string;
  /** Called once before the first day; may throw an InputError (e.g. an unknown ticker param). */
  start?(info: RunInfo): void;
  /** Called at the close of each day of the run, after that day's fills; the view cannot read later days. */
  onDay(ctx: DayContext): Decision | undefined;
  /**
   * What the strategy remembers from one day to the next, as JSON, read after
   * a day's `onDay`. A daily plan (`deno task plan`) saves it with the
   * portfolio and hands it to {@link restoreState} before the next day, so
   * the plan decides as one backtest would. A strategy that keeps nothing
   * between days (it decides from the view and the account) needs neither
   * method; one that keeps something must offer both, or a plan forgets it
   * overnight.
   */
  saveState?(): JsonValue;
  /** Takes back what {@link saveState} returned, before the first `onDay` of a plan (after `start`). */
  restoreState?(state: JsonValue): void;
}
