/**
 * The distributed side of research: a sweep's runs (or a walk-forward's
 * in-sample runs) as jobs on a PostgreSQL job queue (pg-boss), enqueued by
 * `deno task sweep --queue` (`deno task walkforward --queue`), run by any
 * number of `deno task worker` processes on any machines sharing the
 * database, their progress read by `deno task sweep --status`
 * (`deno task walkforward --status`).
 *
 * @example A run's job id is fixed by its store schema, sweep and config hash
 * ```ts
 * import assert from "node:assert/strict";
 * import { jobIdOf } from "./mod.ts";
 *
 * assert.equal(jobIdOf("sweep", "demo", "ab12"), jobIdOf("sweep", "demo", "ab12"));
 * ```
 *
 * @module
 */
export * from "./run_job.ts";
export * from "./job_queue.ts";
export * from "./queued_sweeps.ts";
export * from "./enqueue_sweep.ts";
export * from "./queue_worker.ts";
export * from "./sweep_status.ts";
export * from "./queue_settings.ts";
export {
  enqueueCommand,
  enqueuedText,
  queueConnection,
  type QueueTarget,
  schemaFlagOf,
  sweepStatusCommand,
  withJobQueue,
} from "./queue_commands.ts";
export * from "./queued_walk_forward.ts";
