/**
 * The market: asset buckets and the regime map, growth/inflation regime
 * detection with its transitions, the regime context provider (database
 * first), the accuracy score of detected regimes against labels and against
 * the NBER's recessions, and the
 * multi-timeframe asset scanner (trending, ranging, breakout, breakdown).
 *
 * @module
 */
export * from "./buckets.ts";
export * from "./sectors.ts";
export * from "./regime.ts";
export * from "./regime_options.ts";
export * from "./regime_detection.ts";
export * from "./regime_transitions.ts";
export * from "./regime_provider.ts";
export * from "./regime_accuracy.ts";
export * from "./recession_score.ts";
export type { AxisSignals, RegimeSignals } from "./regime_signals.ts";
export type { PriceColumns, ResolvedProxy } from "./regime_proxies.ts";
export * from "./conditions.ts";
export * from "./scanner.ts";
export * from "./scanner_history.ts";
export * from "./scanner_result.ts";
export * from "./scanner_options.ts";
export * from "./scanner_combine.ts";
export { SIGNAL_PARAMETERS, type SignalParameters } from "./scanner_signals.ts";
export * from "./scanner_database.ts";
export * from "./scan_table.ts";
export * from "./scan_request.ts";
