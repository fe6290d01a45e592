/**
 * What the audit log is given: how a run is identified and timed, the
 * sessions it opens, how it ends, and how a later writer continues it from
 * the state the last one left ({@link AuditLog.resume}).
 *
 * @module
 */
import type { Metadata } from "./events.ts";

/** How a run is identified and timed. */
export type AuditLogOptions = {
  /** Hash of the canonical config. */
  readonly configHash: string;
  /** Hash of the input data. */
  readonly dataHash: string;
  /** Version of the code (a commit or a package version). */
  readonly codeVersion: string;
  /** Market date the run starts at. */
  readonly asOf: string;
  /** Run id; default derived from the config and data hashes ({@link runIdOf}). */
  readonly runId?: string;
  /** Wall clock for `recordedAt` (epoch ms); default `Date.now`. */
  readonly clock?: () => number;
  /** Context stored with the run-start event. */
  readonly metadata?: Metadata;
};

/** A session to open: its market time and what it does. */
export type SessionOptions = {
  readonly asOf: string;
  /** Default `rebalance`. */
  readonly kind?: string;
};

/** How a run ends. */
export type RunEndOptions = {
  /** Market time of the end; default the latest asOf recorded. */
  readonly asOf?: string;
  readonly metadata?: Metadata;
};

/** What a continued run's log carries from one writer to the next (see {@link AuditLog.resume}). */
export type AuditLogState = {
  /** Sessions opened so far: the next one is `seq + 1`. */
  readonly seq: number;
  /** The regime events are stamped with. */
  readonly regime: string | null;
  /** Orders still working and the session that placed each, `[orderId, seq]`: their fills join it. */
  readonly orderSessions: readonly (readonly [number, number])[];
};

/** How a run is continued: its id, the state its last writer left, the wall clock. */
export type AuditResumeOptions = {
  readonly runId: string;
  readonly state: AuditLogState;
  /** Market date the continuation starts at. */
  readonly asOf: string;
  /** Wall clock for `recordedAt` (epoch ms); default `Date.now`. */
  readonly clock?: () => number;
};
