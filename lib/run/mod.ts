/**
 * Runs from a configuration: load the market, resolve the strategy, run it,
 * compute the metrics, write the result.
 *
 * @module
 */
export * from "./run_from_config.ts";
export * from "./strategy_source.ts";
export * from "./write_results.ts";
export * from "./summary.ts";
export * from "./code_version.ts";
