/**
 * Test helper: numbers equal within a tolerance, with both in the message.
 *
 * @module
 */
import assert from "node:assert/strict";

/** Asserts |actual - expected| <= tolerance (default 1e-12); undefined and null fail. */
export function assertNear(
  actual: number | null | undefined,
  expected: number,
  tolerance = 1e-12,
  label = "",
): void {
  assert.ok(
    typeof actual === "number" && Math.abs(actual - expected) <= tolerance,
    `${label}${label ? ": " : ""}${actual} is not within ${tolerance} of ${expected}`,
  );
}
