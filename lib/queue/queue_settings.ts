/**
 * The flags of the queued side: the job options `deno task sweep --queue`
 * gives each run's job (`--expire`, `--heartbeat`, `--retries`), and how
 * `deno task worker` runs (`--threads`, `--max-jobs`, `--idle-exit`,
 * `--once`, `--poll`). Each bad value is an {@link InputError} naming the
 * flag and the value.
 *
 * @module
 */
import { InputError } from "../errors.ts";
import { DEFAULT_JOB_OPTIONS, type JobOptions, MIN_HEARTBEAT_SECONDS } from "./job_queue.ts";

/** Flags as parsed (strings and booleans). */
export type QueueFlags = Readonly<Record<string, string | boolean | undefined | readonly string[]>>;

/**
 * The job options from `--expire`, `--heartbeat` and `--retries` over {@link DEFAULT_JOB_OPTIONS}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { jobOptionsOf } from "./queue_settings.ts";
 *
 * assert.deepEqual(jobOptionsOf({ expire: "5", heartbeat: "0" }), { expireSeconds: 5, heartbeatSeconds: 0, retries: 2 });
 * assert.throws(() => jobOptionsOf({ heartbeat: "3" }), /--heartbeat: 0 \(none\) or at least 10 seconds, got "3"/);
 * ```
 */
export function jobOptionsOf(flags: QueueFlags): JobOptions {
  const heartbeat = _whole(flags.heartbeat, "--heartbeat", 0);
  if (heartbeat !== undefined && heartbeat > 0 && heartbeat < MIN_HEARTBEAT_SECONDS) {
    throw new InputError(
      `--heartbeat: 0 (none) or at least ${MIN_HEARTBEAT_SECONDS} seconds, got ${
        JSON.stringify(flags.heartbeat)
      }`,
    );
  }
  const expire = _whole(flags.expire, "--expire", 1);
  if (expire !== undefined && expire > 24 * 3600) {
    throw new InputError(
      `--expire: at most 86400 seconds (a day), got ${JSON.stringify(flags.expire)}`,
    );
  }
  return {
    expireSeconds: expire ?? DEFAULT_JOB_OPTIONS.expireSeconds,
    heartbeatSeconds: heartbeat ?? DEFAULT_JOB_OPTIONS.heartbeatSeconds,
    retries: _whole(flags.retries, "--retries", 0) ?? DEFAULT_JOB_OPTIONS.retries,
  };
}

/** How `deno task worker` runs. */
export type WorkerSettings = {
  readonly schema: string;
  readonly threads: number;
  readonly maxJobs?: number | undefined;
  /** Seconds idle before stopping (0: `--once`); undefined: never. */
  readonly idleExitSeconds?: number | undefined;
  readonly pollSeconds: number;
  readonly json: boolean;
};

/**
 * The worker's settings from its flags.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { workerSettingsOf } from "./queue_settings.ts";
 *
 * assert.deepEqual(workerSettingsOf({ once: true }), {
 *   schema: "sweep", threads: 1, maxJobs: undefined, idleExitSeconds: 0, pollSeconds: 1, json: false,
 * });
 * assert.throws(() => workerSettingsOf({ once: true, "idle-exit": "5" }), /--once and --idle-exit/);
 * assert.throws(() => workerSettingsOf({ threads: "0" }), /--threads: must be a whole number >= 1/);
 * ```
 */
export function workerSettingsOf(flags: QueueFlags): WorkerSettings {
  if (flags.once === true && flags["idle-exit"] !== undefined) {
    throw new InputError(
      "--once and --idle-exit: give one (--once stops as soon as nothing is ready, --idle-exit after SECONDS idle)",
    );
  }
  const poll = typeof flags.poll === "string" ? Number(flags.poll) : 1;
  if (!Number.isFinite(poll) || poll < 0.1 || poll > 60) {
    throw new InputError(`--poll: seconds between 0.1 and 60, got ${JSON.stringify(flags.poll)}`);
  }
  return {
    schema: typeof flags.schema === "string" ? flags.schema : "sweep",
    threads: _whole(flags.threads, "--threads", 1) ?? 1,
    maxJobs: _whole(flags["max-jobs"], "--max-jobs", 1),
    idleExitSeconds: flags.once === true ? 0 : _whole(flags["idle-exit"], "--idle-exit", 0),
    pollSeconds: poll,
    json: flags.json === true,
  };
}

function _whole(value: unknown, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    throw new InputError(`${flag}: must be a whole number >= ${min}, got ${JSON.stringify(value)}`);
  }
  return n;
}
