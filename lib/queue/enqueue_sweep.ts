/**
 * `deno task sweep --grid FILE --queue`: a prepared sweep (every run already
 * validated against the schema and the data) handed to the job queue instead
 * of being run here. Its plan goes to the PostgreSQL sweep store, its base
 * layers to the queued sweeps' table, and one job per run the store does not
 * hold yet to the queue.
 *
 * Idempotent and resumable: a run's job id is fixed by its sweep and config
 * hash (run_job.ts), so enqueuing again adds only the runs that have neither a
 * stored result nor a job waiting or running; a run whose job failed for good
 * is put back; a job that completed while its run is missing from the store
 * (the store was cleared) is replaced. Waiting jobs of runs the new plan no
 * longer holds (the grid changed under the same name) are cancelled.
 *
 * @module
 */
import { configOfRun } from "../research/sweep_plan.ts";
import { type PreparedSweep, sweepDefinition } from "../research/run_sweep.ts";
import type { SweepStore } from "../research/sweep_store.ts";
import type { JobOptions, JobQueue, NewJob } from "./job_queue.ts";
import type { QueuedSweeps } from "./queued_sweeps.ts";
import { jobIdOf, RUN_JOB_VERSION, type RunJob } from "./run_job.ts";

/** Where a sweep is enqueued. */
export type EnqueueTarget = {
  readonly name: string;
  /** The PostgreSQL sweep store (its schema names the jobs). */
  readonly store: SweepStore & { readonly schema: string };
  readonly sweeps: QueuedSweeps;
  readonly queue: JobQueue;
};

/** What enqueuing did. */
export type EnqueueCounts = {
  readonly planned: number;
  /** Runs the store already held (no job needed). */
  readonly stored: number;
  /** Jobs added now. */
  readonly added: number;
  /** Runs whose job was already waiting or running. */
  readonly queued: number;
  /** Runs whose job had failed (or was cancelled), put back now. */
  readonly putBack: number;
  /** Waiting jobs cancelled because the plan no longer holds their run. */
  readonly cancelled: number;
};

/** Enqueues what the sweep still misses; see the module doc. */
export async function enqueueSweep(
  prepared: PreparedSweep,
  target: EnqueueTarget,
  options: JobOptions,
): Promise<EnqueueCounts> {
  const { plan } = prepared;
  const { name, store, sweeps, queue } = target;
  await store.begin(sweepDefinition(prepared, name), plan.runs);
  await sweeps.put({
    name,
    source: plan.source,
    layers: plan.layers,
    codeVersion: prepared.codeVersion,
    dataHash: prepared.dataHash,
    options,
  });
  const stored = await store.storedHashes(name);
  const missing = plan.runs.filter((r) => !stored.has(r.configHash));
  const ids = missing.map((r) => jobIdOf(store.schema, name, r.configHash));
  const states = await queue.states(ids);
  const fresh: NewJob[] = [], putBack: string[] = [], replaced: string[] = [];
  let queued = 0;
  for (const [i, run] of missing.entries()) {
    const id = ids[i] as string;
    const state = states.get(id);
    if (state === "created" || state === "retry" || state === "active") {
      queued++;
      continue;
    }
    if (state === "failed" || state === "cancelled") {
      putBack.push(id);
      continue;
    }
    if (state === "completed") replaced.push(id);
    const market = await prepared.shared.market(configOfRun(plan, run.params));
    const data: RunJob = {
      v: RUN_JOB_VERSION,
      sweep: name,
      position: run.position,
      configHash: run.configHash,
      params: run.params,
      dataHash: market.dataHash,
      codeVersion: prepared.codeVersion,
    };
    fresh.push({ id, data });
  }
  const planned = new Set(plan.runs.map((r) => r.configHash));
  const stale = (await queue.waiting(name)).filter((j) => !planned.has(j.configHash));
  if (stale.length > 0) await queue.cancel(stale.map((j) => j.id));
  if (replaced.length > 0) await queue.remove(replaced);
  if (putBack.length > 0) await queue.retry(putBack);
  const added = await queue.enqueue(fresh, options);
  return {
    planned: plan.runs.length,
    stored: plan.runs.length - missing.length,
    added,
    queued: queued + (fresh.length - added),
    putBack: putBack.length,
    cancelled: stale.length,
  };
}
