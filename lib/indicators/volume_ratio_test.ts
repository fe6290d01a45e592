/** Tests of {@link volumeRatio}. @module */
import assert from "node:assert/strict";
import { volumeRatio } from "./volume_ratio.ts";

Deno.test("volumeRatio() compares with the earlier bars only, so a spike is not diluted", () => {
  const v = Float64Array.from([100, 100, 100, 400]);
  assert.equal(volumeRatio(v, { period: 3 })[3], 4);
});

Deno.test("volumeRatio() is NaN where the earlier volume is all zero (an index)", () => {
  const v = Float64Array.from([0, 0, 0, 5]);
  assert.ok(Number.isNaN(volumeRatio(v, { period: 3 })[3]));
});
