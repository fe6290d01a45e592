/**
 * The messages between a sweep and its workers (structured-cloned; the
 * market's columns are shared memory, the returns' buffers are transferred).
 *
 * @module
 */
import type { Config } from "../config/schema.ts";
import type { MarketData } from "../data/load_market.ts";
import type { Assignment } from "./grid_space.ts";
import type { SweepRunRecord } from "./sweep_record.ts";

/** Sent once to each worker before any run. */
export type WorkerInit = {
  readonly kind: "init";
  readonly market: MarketData;
  readonly base: Config;
  readonly codeVersion: string;
  /** Share services between the worker's runs (the default), or build them per run. */
  readonly share: boolean;
};

/** One run for a worker. */
export type WorkerJob = {
  readonly kind: "run";
  readonly id: number;
  readonly config: Config;
  readonly params: Assignment;
};

/** Asks a worker to close its database connections before it is terminated. */
export type WorkerClose = { readonly kind: "close" };

/** A worker's answers. */
export type WorkerReply =
  | { readonly kind: "ready" }
  | { readonly kind: "closed" }
  | {
    readonly kind: "done";
    readonly id: number;
    readonly record: SweepRunRecord;
    /** The calendar's dates, the first time this worker uses that calendar. */
    readonly dates?: readonly string[];
  }
  | {
    readonly kind: "failed";
    readonly id: number;
    readonly message: string;
    /** True when the run refused its input (an InputError): exit 2 rather than 1. */
    readonly input: boolean;
  };
