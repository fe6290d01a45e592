import assert from "node:assert/strict";
import { resolveReportOptions } from "./report_options.ts";

Deno.test("resolveReportOptions() fills in the defaults", () => {
  assert.deepEqual(resolveReportOptions(), {
    maxPointsPerLine: 2000,
    maxTrades: 500,
    maxHoldings: 200,
    rollingWindowDays: 126,
    worstDrawdowns: 5,
    logScale: false,
  });
});

Deno.test("resolveReportOptions() refuses counts that are not integers in range, naming the option", () => {
  assert.throws(
    () => resolveReportOptions({ maxPointsPerLine: 50 }),
    RangeError,
    "maxPointsPerLine",
  );
  assert.throws(() => resolveReportOptions({ maxTrades: 1.5 }), RangeError, "maxTrades");
  assert.throws(
    () => resolveReportOptions({ rollingWindowDays: 1 }),
    RangeError,
    "rollingWindowDays",
  );
  assert.throws(() => resolveReportOptions({ worstDrawdowns: -1 }), RangeError, "worstDrawdowns");
});
