/**
 * Deterministic identifiers. Design decision: a run's id is derived from the
 * hashes of its canonical config and its data (or supplied by the caller), and a
 * session's trace id from the run id and the session's sequence number, so the
 * same run writes the same ids on every machine; nothing is random.
 *
 * @module
 */
import { hash } from "node:crypto";

/**
 * First `hexChars` hex digits of the SHA-256 of `text`. The one-shot `hash()`
 * costs a fifth of a `createHash()` object in a run (a trace id per session).
 */
export function shortHash(text: string, hexChars = 16): string {
  return (hash("sha256", text, "hex") as string).slice(0, hexChars);
}

/** The run id of a config and data: 16 hex digits of SHA-256 of `configHash:dataHash`. */
export function runIdOf(configHash: string, dataHash: string): string {
  return shortHash(`${configHash}:${dataHash}`);
}

/**
 * The trace id of session `sessionSeq` of a run (0 is the run itself): 16 hex
 * digits of SHA-256 of `runId/sessionSeq`.
 */
export function traceIdOf(runId: string, sessionSeq: number): string {
  return shortHash(`${runId}/${sessionSeq}`);
}

/** The seed-style `session_id` of a session: `runId/sessionSeq`. */
export function sessionIdOf(runId: string, sessionSeq: number): string {
  return `${runId}/${sessionSeq}`;
}
