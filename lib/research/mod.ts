/**
 * Research over many runs: parameter sweeps (grid files, random search,
 * validation of every run before the first), the sweep store (SQLite or
 * PostgreSQL) keyed by config hash, workers sharing the loaded market, the
 * ranking, and the sweep's HTML page.
 *
 * @module
 */
export * from "./sweep.ts";
export * from "./run_sweep.ts";
export * from "./grid_file.ts";
export * from "./grid_space.ts";
export * from "./sweep_plan.ts";
export * from "./sweep_metric.ts";
export * from "./sweep_name.ts";
export * from "./sweep_record.ts";
export * from "./sweep_store.ts";
export * from "./sqlite_sweep_store.ts";
export * from "./postgres_sweep_store.ts";
export * from "./sweep_executor.ts";
export * from "./shared_market.ts";
export * from "./ranked_runs.ts";
export * from "./sweep_report_data.ts";
export * from "./sweep_page.ts";
