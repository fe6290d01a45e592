/**
 * Test helper: asserts that a number is within a tolerance of the expected value.
 *
 * @module
 */

import assert from "node:assert/strict";

/** Asserts `|actual - expected| <= tolerance` (relative to |expected| when above 1); fails on null. */
export function assertClose(
  actual: number | null | undefined,
  expected: number,
  tolerance = 1e-12,
  label = "value",
): void {
  assert.ok(
    typeof actual === "number",
    `${label}: expected a number close to ${expected}, got ${actual}`,
  );
  const scale = Math.max(1, Math.abs(expected));
  assert.ok(
    Math.abs(actual - expected) <= tolerance * scale,
    `${label}: ${actual} is not within ${tolerance} of ${expected}`,
  );
}
