/**
 * One day of the engine: the unit the backtest loops over and a daily plan
 * runs once per trading day, so the two share every step. For day t, in this
 * order:
 *
 * 1. splits effective on t adjust holdings and working orders (before the open);
 * 2. working orders fill at t's open (market orders placed at t-1's close, limit
 *    and stop orders that trigger on t's bar);
 * 3. positions are valued at t's close (an asset without a bar keeps its last close);
 * 4. the strategy decides at t's close, seeing only days up to t;
 * 5. with `fill: "close"`, market orders fill at t's close;
 * 6. the observer hears what the broker did that day.
 *
 * Everything that crosses days lives in the broker, the decision applier and
 * the strategy; {@link DayLoop} itself keeps nothing but the last day's marks.
 *
 * @module
 */
import type { Panel } from "../data/panel.ts";
import type { BacktestObserver, WholeShareCash } from "./types.ts";
import type { ResolvedBrokerOptions } from "./broker_options.ts";
import type { Broker } from "./broker.ts";
import { AccountView } from "./account_view.ts";
import { DecisionApplier } from "./decision_applier.ts";
import type { Decision, Strategy } from "./strategy.ts";

/** What {@link DayLoop} runs on. */
export type DayLoopOptions = {
  readonly panel: Panel;
  readonly strategy: Strategy;
  readonly broker: Broker;
  readonly options: ResolvedBrokerOptions;
  /** Told at the end of each day what the broker did (for the audit log). */
  readonly observer?: BacktestObserver | undefined;
  /** First day index on which the strategy is called (earlier days only fill and value); default 0. */
  readonly decideFrom?: number;
  /** Rebalance groups already used (a restored plan carries it on); default 0. */
  readonly rebalanceGroups?: number;
};

/** The account at one close, as {@link DayLoop.runDay} leaves it. */
export type DayMark = {
  /** Cash plus positions at their last known closes. */
  readonly value: number;
  /** Gross position value. */
  readonly gross: number;
};

/** Runs the engine's day; see the module doc for the order of its steps. */
export class DayLoop {
  /** What the strategy decided on the last day run (undefined: nothing, or not called). */
  lastDecision: Decision | undefined;
  readonly #panel: Panel;
  readonly #strategy: Strategy;
  readonly #broker: Broker;
  readonly #o: ResolvedBrokerOptions;
  readonly #observer: BacktestObserver | undefined;
  readonly #decideFrom: number;
  readonly #decisions: DecisionApplier;

  /** A loop over the broker's account; the broker records placed orders when an observer listens. */
  constructor(options: DayLoopOptions) {
    this.#panel = options.panel;
    this.#strategy = options.strategy;
    this.#broker = options.broker;
    this.#o = options.options;
    this.#observer = options.observer;
    this.#decideFrom = options.decideFrom ?? 0;
    this.#decisions = new DecisionApplier(
      options.panel,
      options.broker,
      options.options,
      options.strategy.name,
      options.rebalanceGroups ?? 0,
    );
    this.#broker.recordPlaced = options.observer !== undefined;
  }

  /** Rebalance groups used so far: part of the state a plan carries to its next day. */
  get rebalanceGroups(): number {
    return this.#decisions.groups;
  }

  /** The cash whole-share rounding left uninvested at this loop's rebalances (null: none made). */
  wholeShareCash(): WholeShareCash | null {
    return this.#decisions.wholeShareCash();
  }

  /** Runs day index `t` (the six steps of the module doc) and returns the close's marks. */
  runDay(t: number): DayMark {
    const broker = this.#broker, observer = this.#observer;
    const date = broker.dateAt(t);
    const seen = observer && [broker.fills.length, broker.notes.length];
    broker.beginDay(t);
    broker.fillAtOpen(t);
    let mark = broker.markToMarket(t);
    this.lastDecision = undefined;
    if (t >= this.#decideFrom) {
      const account = new AccountView(broker, mark.value, this.#panel);
      const decision = this.#strategy.onDay({ view: this.#panel.view(t), t, date, account });
      if (decision !== undefined) this.#decisions.apply(decision, t, mark.value, date);
      this.lastDecision = decision;
    }
    if (this.#o.fill === "close") {
      broker.fillAtClose(t);
      mark = broker.markToMarket(t);
    }
    if (observer && seen) {
      observer.dayEnded({
        t,
        date,
        fills: broker.fills.slice(seen[0]),
        notes: broker.notes.slice(seen[1]),
        placed: broker.takePlaced(),
      });
    }
    return mark;
  }
}
