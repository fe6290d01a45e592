/**
 * Canonical JSON (keys sorted, no spaces) and its SHA-256, so that the same
 * configuration always has the same hash whatever the key order of its file.
 *
 * @module
 */
import { createHash } from "node:crypto";

/** JSON text with object keys sorted at every depth. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      out[k] = sortKeys((value as Record<string, unknown>)[k]);
    }
    return out;
  }
  return value;
}

/** SHA-256 (hex) of the canonical JSON of a value. */
export function hashOf(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}
