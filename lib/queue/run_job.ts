/**
 * One job of a queued sweep: one planned run, named by its sweep and its
 * config hash, with what a worker checks before it runs it: the content hash
 * of the prices the run reads and the code version that planned it.
 *
 * A job's id is derived from the store's schema, the sweep and the config
 * hash (a SHA-256 laid out as a UUID), so enqueuing the same run twice names
 * the same job, and the queue keeps one (its insert ignores a known id).
 *
 * @module
 */
import { createHash } from "node:crypto";
import type { Assignment } from "../research/grid_space.ts";

/** The layout of a job's data; a job of another layout is refused. */
export const RUN_JOB_VERSION = 1;

/** What a job carries (the job's `data`, as JSON). */
export type RunJob = {
  readonly v: typeof RUN_JOB_VERSION;
  /** The sweep's name in the store. */
  readonly sweep: string;
  /** The run's position in the sweep's plan. */
  readonly position: number;
  readonly configHash: string;
  readonly params: Assignment;
  /** The content hash of the prices this run reads (the market's `dataHash`). */
  readonly dataHash: string;
  /** The code version of the process that planned the run (lib/run/code_version.ts). */
  readonly codeVersion: string;
};

/**
 * The job id of a sweep's run: the same for the same schema, sweep and config hash.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { jobIdOf } from "./run_job.ts";
 *
 * const id = jobIdOf("sweep", "demo", "ab12");
 * assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
 * assert.equal(id, jobIdOf("sweep", "demo", "ab12"));
 * assert.notEqual(id, jobIdOf("sweep", "other", "ab12"));
 * ```
 */
export function jobIdOf(schema: string, sweep: string, configHash: string): string {
  const bytes = createHash("sha256").update(`${schema}\n${sweep}\n${configHash}`).digest();
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50; // version 5 (name-based, here SHA-256)
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${
    hex.slice(20)
  }`;
}

/**
 * A job's data read back, or a one-line reason it is not a run job of this
 * layout (the worker fails such a job with that reason).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseRunJob } from "./run_job.ts";
 *
 * const job = { v: 1, sweep: "demo", position: 0, configHash: "ab", params: {}, dataHash: "d", codeVersion: "0.1.0" };
 * assert.deepEqual(parseRunJob(job), job);
 * assert.equal(parseRunJob({ ...job, v: 2 }), "a job of layout 2; this worker reads layout 1: upgrade the worker");
 * assert.equal(parseRunJob({ v: 1 }), "not a sweep run: sweep is missing");
 * ```
 */
export function parseRunJob(data: unknown): RunJob | string {
  if (data === null || typeof data !== "object") return "not a sweep run: no data";
  const d = data as Record<string, unknown>;
  if (d.v !== RUN_JOB_VERSION) {
    return `a job of layout ${
      JSON.stringify(d.v)
    }; this worker reads layout ${RUN_JOB_VERSION}: upgrade the worker`;
  }
  for (const key of ["sweep", "configHash", "dataHash", "codeVersion"] as const) {
    if (typeof d[key] !== "string" || d[key] === "") return `not a sweep run: ${key} is missing`;
  }
  if (!Number.isInteger(d.position)) return "not a sweep run: position is missing";
  if (d.params === null || typeof d.params !== "object" || Array.isArray(d.params)) {
    return "not a sweep run: params is missing";
  }
  return d as RunJob;
}
