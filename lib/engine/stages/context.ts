/**
 * What every stage of a rebalance may read: the day, its point-in-time view
 * and the portfolio as it stands at the close.
 *
 * @module
 */
import type { PanelView } from "../../data/panel.ts";

/** The base context of a rebalance on day `t`. */
export type RebalanceBase = {
  readonly t: number;
  readonly date: string;
  /** The Panel at day t: it cannot read later days. */
  readonly view: PanelView;
  /** Current weight (value / total value) of every held ticker. */
  readonly weights: Readonly<Record<string, number>>;
  /** Tickers held now, in asset order. */
  readonly held: readonly string[];
};
