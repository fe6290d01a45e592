/**
 * The backtest engine: a day loop over the Panel, a simulated broker (market,
 * limit and stop orders, commissions, slippage, splits), target-weight
 * rebalancing, round-trip trades, and the strategy contract with its
 * built-ins (`sma-cross`, `equal-weight`).
 *
 * @module
 */
export * from "./types.ts";
export * from "./commission.ts";
export * from "./broker_options.ts";
export {
  type BrokerState,
  freshBrokerState,
  type LotState,
  type OrderState,
  tickersOfBrokerState,
} from "./broker_state.ts";
export * from "./fill_rules.ts";
export * from "./strategy.ts";
export * from "./strategy_params.ts";
export * from "./define_strategy.ts";
export * from "./rebalance.ts";
export * from "./run_backtest.ts";
export * from "./sma_cross.ts";
export * from "./equal_weight.ts";
export * from "./fixed_mix.ts";
export * from "./built_in_strategies.ts";
export * from "./pipeline.ts";
export * from "./run_result.ts";
export * from "./regime_aware.ts";
export * from "./regime_aware_options.ts";
export * from "./regime_aware_events.ts";
export * from "./stages/context.ts";
export * from "./stages/detect_regime.ts";
export * from "./stages/scan_conditions.ts";
export * from "./stages/select_universe.ts";
export * from "./stages/score_assets.ts";
export * from "./stages/propose_targets.ts";
export * from "./stages/protect_positions.ts";
export * from "./stages/attribute_cash.ts";
