/**
 * Where audit events go: the {@link EventSink} contract, and the two sinks
 * that need no database (memory, for tests and notebooks, and none, for runs
 * without auditing).
 *
 * @module
 */
import type { EventRecord } from "./event_record.ts";
import type { OrderGroup } from "./order_group.ts";

/** What a store keeps about a run when it starts. */
export type RunClaim = {
  readonly runId: string;
  readonly configHash: string;
  readonly dataHash: string;
  readonly codeVersion: string;
  /** Wall clock at the start, epoch milliseconds. */
  readonly startedAt: number;
};

/**
 * A destination for audit events. `record` only buffers (it is on the
 * backtest's hot path); `flush` writes what is buffered in one transaction per
 * batch; `close` flushes and releases the store. A run is registered with
 * `claimRun` before its events, so a run killed before its first flush is still
 * visible (status `running`, never finished). The `run_finish` / `run_fail`
 * records set the run's status in the same transaction that stores them.
 */
export interface EventSink {
  /**
   * Registers a run and returns the id its events are stored under: `runId`,
   * or `runId.2`, `runId.3`, ... when the store already holds that run.
   */
  claimRun(run: RunClaim): Promise<string>;
  /**
   * Marks a run already in the store as running again, for a writer that
   * continues it (a paper portfolio's log, one plan after another), and
   * returns the highest session sequence number the store holds for it (0
   * when none). A run the store does not hold is an Error. Optional: stores
   * without it cannot continue a run.
   */
  reopenRun?(runId: string): Promise<number>;
  /** Buffers one event (a full buffer is written before this returns or in the background). */
  record(event: EventRecord): void;
  /**
   * Buffers a group of order events, the same events as recording each one
   * (see {@link OrderGroup}); the group's arrays are the sink's from then on.
   * Optional: the log records each event of a group through `record` for a
   * sink without it.
   */
  recordGroup?(group: OrderGroup): void;
  /** Writes every buffered event; resolves once they are committed. */
  flush(): Promise<void>;
  /** Flushes and closes the store. */
  close(): Promise<void>;
}

/** A sink that drops every event: the cost of auditing switched off. */
export class NullSink implements EventSink {
  /** Accepts any run id as is. */
  claimRun(run: RunClaim): Promise<string> {
    return Promise.resolve(run.runId);
  }
  /** Drops the event. */
  record(_event: EventRecord): void {}
  /** Nothing to write. */
  flush(): Promise<void> {
    return Promise.resolve();
  }
  /** Nothing to close. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** A sink that keeps events in memory, in order: for tests and notebooks. */
export class MemorySink implements EventSink {
  /** Every run claimed, in order, under the id it was given. */
  readonly runs: RunClaim[] = [];
  /** Every event recorded, in order. */
  readonly events: EventRecord[] = [];

  /** Registers the run, numbering repeats of one id like the stores do. */
  claimRun(run: RunClaim): Promise<string> {
    const runId = attemptRunId(run.runId, (id) => this.runs.some((r) => r.runId === id));
    this.runs.push({ ...run, runId });
    return Promise.resolve(runId);
  }
  /** Finds the run (an Error if never claimed) and returns its highest session sequence number. */
  reopenRun(runId: string): Promise<number> {
    if (!this.runs.some((r) => r.runId === runId)) {
      return Promise.reject(new Error(`run ${runId} is not in the store: claim it first`));
    }
    let seq = 0;
    for (const e of this.events) if (e.runId === runId && e.sessionSeq > seq) seq = e.sessionSeq;
    return Promise.resolve(seq);
  }
  /** Keeps the event. */
  record(event: EventRecord): void {
    this.events.push(event);
  }
  /** Nothing to write. */
  flush(): Promise<void> {
    return Promise.resolve();
  }
  /** Nothing to close. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** `runId` if not taken, else the first free `runId.N` for N = 2, 3, ... */
export function attemptRunId(runId: string, taken: (id: string) => boolean): string {
  if (!taken(runId)) return runId;
  for (let n = 2;; n++) {
    const candidate = `${runId}.${n}`;
    if (!taken(candidate)) return candidate;
  }
}
