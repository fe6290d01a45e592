/**
 * Runs from a configuration: load the market, resolve the strategy, run it,
 * compute the metrics, write the result.
 *
 * @module
 */
export * from "./run_from_config.ts";
export * from "./strategy_source.ts";
export * from "./write_results.ts";
export * from "./latest_run.ts";
export * from "./summary.ts";
export * from "./code_version.ts";
export * from "./run_audit.ts";
export * from "./audit_target.ts";
export * from "./audit_bridge.ts";
export * from "./regime_services.ts";
export * from "./regime_result.ts";
export * from "./result_parts.ts";
export * from "./benchmark_spec.ts";
export * from "./benchmark_runs.ts";
export * from "./database_services.ts";
export * from "./ablation.ts";
export * from "./shared_services.ts";
export * from "./service_cache.ts";
export * from "./read_tracker.ts";
export * from "./scan_memo.ts";
export * from "./regime_memo.ts";
export * from "./cash_text.ts";
export * from "./cash_from_audit.ts";
