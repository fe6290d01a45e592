/**
 * The job queue of queued sweeps, on pg-boss (npm `pg-boss`, PostgreSQL's
 * `SKIP LOCKED` queue; https://github.com/timgit/pg-boss): one queue,
 * `sweep-runs`, in the schema `<store schema>_queue` beside the sweep store's.
 *
 * Design decision: pg-boss rather than graphile-worker. Both run under Deno's
 * npm compatibility with `pg`, but a job whose worker is killed (SIGKILL, a
 * lost machine) must come back to the queue after a short timeout the sweep
 * chooses. graphile-worker unlocks such a job only after a fixed four hours
 * (`interval '4 hours'` in its `get_job`; a job taken by a worker killed with
 * SIGKILL stayed locked when we tried it); pg-boss gives each job its own
 * expiry (`expireInSeconds`) and liveness heartbeat (`heartbeatSeconds`), and
 * any running worker's supervisor puts such a job back for a retry (tried
 * the same way: the job came back after its 2-second expiry;
 * tests/queue_postgres_test.ts does it through the tasks). The README's
 * "Beyond one machine" says more.
 *
 * Jobs are taken with `fetch` and settled with `complete`/`fail` by the worker
 * itself (lib/queue/queue_worker.ts), not through pg-boss's `work()` loop, so
 * the worker decides how many it holds and when it stops. Settling passes the
 * attempt (`retryCount`), so a worker whose job expired and was retried
 * elsewhere cannot settle the newer attempt.
 *
 * Failures of the server are {@link ServiceError}s naming it (password hidden).
 *
 * @module
 */
import { PgBoss } from "pg-boss";
import type { DatabaseConnection } from "../db/connection.ts";
import { databaseError } from "../db/database.ts";
import { InputError } from "../errors.ts";
import { checkSchemaName } from "../audit/postgres_schema.ts";

/** The name of the queue every sweep's runs go to. */
export const RUNS_QUEUE = "sweep-runs";

/** The pg-boss schema beside a sweep store's schema. */
export function queueSchemaOf(storeSchema: string): string {
  const schema = `${checkSchemaName(storeSchema)}_queue`;
  if (schema.length > 50) {
    throw new InputError(
      `--schema: ${storeSchema} is too long for its job queue's schema ${schema} (at most 44 characters)`,
    );
  }
  return schema;
}

/** How long a job may take, how its worker shows it is alive, and how often it is tried again. */
export type JobOptions = {
  /** Seconds a job may be running before it is taken back and retried (its worker presumed lost). */
  readonly expireSeconds: number;
  /** Seconds without a heartbeat from its worker before a running job is taken back; 0: none. */
  readonly heartbeatSeconds: number;
  /** Retries after the first attempt before a job fails for good. */
  readonly retries: number;
};

/**
 * The defaults: a run may take an hour; a worker beats every few seconds, so
 * one that died is noticed within 30 seconds (plus the supervisor's
 * {@link SUPERVISE_SECONDS}); two retries.
 */
export const DEFAULT_JOB_OPTIONS: JobOptions = {
  expireSeconds: 3600,
  heartbeatSeconds: 30,
  retries: 2,
};

/** How often a worker's supervisor looks for expired jobs and dead workers' jobs. */
export const SUPERVISE_SECONDS = 2;

/** pg-boss's least heartbeat. */
export const MIN_HEARTBEAT_SECONDS = 10;

/** A job as a worker holds it. */
export type TakenJob = {
  readonly id: string;
  /** Attempts before this one. */
  readonly retryCount: number;
  readonly data: unknown;
  /** Seconds between heartbeats this job expects; 0: none. */
  readonly heartbeatSeconds: number;
};

/** A job to enqueue: its id and data. */
export type NewJob = { readonly id: string; readonly data: Readonly<Record<string, unknown>> };

/** A job's state as pg-boss names it. */
export type JobState = "created" | "retry" | "active" | "completed" | "cancelled" | "failed";

/** Options of {@link JobQueue.open}. */
export type OpenQueueOptions = {
  /** Run the supervisor (expire dead workers' jobs) in this process: workers do. */
  readonly supervise?: boolean;
  /** Seconds between supervisor passes (default {@link SUPERVISE_SECONDS}). */
  readonly superviseSeconds?: number;
  /** Most connections (default 2). */
  readonly maxConnections?: number;
  /** Told of background errors (the supervisor's); default: one line on stderr. */
  readonly onError?: (message: string) => void;
};

/** The queue of sweep runs in one store schema; see the module doc. */
export class JobQueue {
  /** The pg-boss schema. */
  readonly schema: string;
  readonly #boss: PgBoss;
  readonly #connection: DatabaseConnection;

  private constructor(boss: PgBoss, schema: string, connection: DatabaseConnection) {
    this.#boss = boss;
    this.schema = schema;
    this.#connection = connection;
  }

  /** Starts pg-boss on `connection` beside `storeSchema` (installing its schema and the queue when needed). */
  static async open(
    connection: DatabaseConnection,
    storeSchema: string,
    options: OpenQueueOptions = {},
  ): Promise<JobQueue> {
    const schema = queueSchemaOf(storeSchema);
    const seconds = options.superviseSeconds ?? SUPERVISE_SECONDS;
    const boss = new PgBoss({
      host: connection.host,
      port: connection.port,
      database: connection.database,
      user: connection.user,
      password: connection.revealPassword(),
      ssl: connection.ssl === "disable"
        ? false
        : { rejectUnauthorized: connection.ssl === "verify-full" },
      application_name: "regime-engine-queue",
      max: options.maxConnections ?? 2,
      connectionTimeoutMillis: 10_000,
      schema,
      supervise: options.supervise ?? false,
      superviseIntervalSeconds: seconds,
      monitorIntervalSeconds: seconds,
      schedule: false,
      // The instance registry reads the host name (a permission the tasks do not hold).
      registerInstance: false,
    });
    const report = options.onError ??
      ((message: string) => console.error(`job queue: ${message}`));
    boss.on("error", (error) => report(databaseError(connection, "supervise", error).message));
    const queue = new JobQueue(boss, schema, connection);
    try {
      await boss.start();
      await queue.#ensureQueue();
    } catch (error) {
      await boss.stop({ graceful: false, timeout: 1000 }).catch(() => {});
      throw databaseError(connection, "start the job queue", error);
    }
    return queue;
  }

  /** Adds the jobs whose ids are new (a known id is left as it is); how many were added. */
  async enqueue(jobs: readonly NewJob[], options: JobOptions): Promise<number> {
    let added = 0;
    for (let i = 0; i < jobs.length; i += 500) {
      const batch = jobs.slice(i, i + 500).map((job) => ({
        id: job.id,
        data: job.data as object,
        expireInSeconds: options.expireSeconds,
        retryLimit: options.retries,
        retryDelay: 0,
        ...(options.heartbeatSeconds > 0 ? { heartbeatSeconds: options.heartbeatSeconds } : {}),
      }));
      const ids = await this.#guard(
        "enqueue the runs",
        () => this.#boss.insert(RUNS_QUEUE, batch, { returnId: true }),
      );
      added += ids?.length ?? 0;
    }
    return added;
  }

  /** The state of each of `ids` that the queue holds (ids it does not hold are absent). */
  async states(ids: readonly string[]): Promise<Map<string, JobState>> {
    const found = new Map<string, JobState>();
    const db = this.#boss.getDb();
    for (let i = 0; i < ids.length; i += 1000) {
      const { rows } = await this.#guard("read the jobs", () =>
        db.executeSql(
          `SELECT id::text AS id, state::text AS state FROM ${this.schema}.job
           WHERE name = $1 AND id = ANY($2::uuid[])`,
          [RUNS_QUEUE, ids.slice(i, i + 1000)],
        ));
      for (const row of rows as { id: string; state: JobState }[]) found.set(row.id, row.state);
    }
    return found;
  }

  /** The waiting jobs (created or retry) of a sweep, with the config hash each runs. */
  async waiting(sweep: string): Promise<{ id: string; configHash: string }[]> {
    const { rows } = await this.#guard("read the jobs", () =>
      this.#boss.getDb().executeSql(
        `SELECT id::text AS id, data->>'configHash' AS "configHash" FROM ${this.schema}.job
         WHERE name = $1 AND data->>'sweep' = $2 AND state IN ('created', 'retry')`,
        [RUNS_QUEUE, sweep],
      ));
    return rows as { id: string; configHash: string }[];
  }

  /** Puts failed or cancelled jobs back in the queue. */
  async retry(ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 1000) {
      await this.#guard(
        "retry the jobs",
        () => this.#boss.retry(RUNS_QUEUE, ids.slice(i, i + 1000)),
      );
    }
  }

  /** Cancels jobs that are waiting (created or retry); running ones are left to finish. */
  async cancel(ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 1000) {
      await this.#guard(
        "cancel the jobs",
        () => this.#boss.cancel(RUNS_QUEUE, ids.slice(i, i + 1000)),
      );
    }
  }

  /** Deletes jobs (a completed job whose run is not stored, before it is enqueued again). */
  async remove(ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 1000) {
      await this.#guard(
        "delete the jobs",
        () => this.#boss.deleteJob(RUNS_QUEUE, ids.slice(i, i + 1000)),
      );
    }
  }

  /** Takes up to `count` jobs (each now running under this worker); none when the queue has none ready. */
  async take(count: number): Promise<TakenJob[]> {
    const jobs = await this.#guard(
      "take jobs",
      () => this.#boss.fetch(RUNS_QUEUE, { batchSize: count, includeMetadata: true }),
    );
    return jobs.map((job) => ({
      id: job.id,
      retryCount: job.retryCount,
      data: job.data,
      heartbeatSeconds: job.heartbeatSeconds ?? 0,
    }));
  }

  /** Marks jobs done (one call); how many were still this worker's attempts (the others expired). */
  async complete(jobs: readonly TakenJob[]): Promise<number> {
    if (jobs.length === 0) return 0;
    const result = await this.#guard(
      "complete jobs",
      () =>
        this.#boss.complete(RUNS_QUEUE, jobs.map((j) => ({ id: j.id, retryCount: j.retryCount }))),
    );
    // pg-boss types the response as an empty interface; at run time it holds `affected`.
    return (result as { affected?: number }).affected ?? 0;
  }

  /** Fails a job's attempt with a message (it is retried while retries remain). */
  async fail(job: TakenJob, message: string): Promise<void> {
    await this.#guard(
      "fail a job",
      () => this.#boss.fail(RUNS_QUEUE, [{ id: job.id, retryCount: job.retryCount }], { message }),
    );
  }

  /** Tells the queue this worker is still running `jobs` (their heartbeat). */
  async touch(jobs: readonly TakenJob[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.#guard(
      "send a heartbeat",
      () => this.#boss.touch(RUNS_QUEUE, jobs.map((j) => ({ id: j.id, retryCount: j.retryCount }))),
    );
  }

  /** Stops pg-boss (its supervisor and connections); jobs still held stay running until they expire. */
  async close(): Promise<void> {
    await this.#boss.stop({ graceful: false, timeout: 2000 });
  }

  async #ensureQueue(): Promise<void> {
    if (await this.#boss.getQueue(RUNS_QUEUE)) return;
    try {
      await this.#boss.createQueue(RUNS_QUEUE);
    } catch (error) {
      // Another process created it in between.
      if (!(await this.#boss.getQueue(RUNS_QUEUE))) throw error;
    }
  }

  async #guard<T>(doing: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw databaseError(this.#connection, doing, error);
    }
  }
}
