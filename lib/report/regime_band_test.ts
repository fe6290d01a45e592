import assert from "node:assert/strict";
import { regimeBand } from "./regime_band.ts";

Deno.test("regimeBand() joins days of one regime into segments that touch the next one", () => {
  const band = regimeBand({
    dates: ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"],
    regime: ["Deflation", "Reflation", "Reflation", "Reflation"],
    confidence: [1, 1, 1, 1],
    transitions: [{ date: "2024-01-02", from: "Deflation", to: "Reflation", severity: "critical" }],
  });
  assert.deepEqual(band.segments, [
    { start: "2024-01-01", end: "2024-01-02", regime: "Deflation" },
    { start: "2024-01-02", end: "2024-01-04", regime: "Reflation" },
  ]);
  assert.deepEqual(band.shares, { Goldilocks: 0, Reflation: 0.75, Inflation: 0, Deflation: 0.25 });
  assert.equal(band.transitions[0]?.severity, "critical");
});

Deno.test("regimeBand() of an empty path has no segment", () => {
  const band = regimeBand({ dates: [], regime: [], confidence: [], transitions: [] });
  assert.deepEqual(band.segments, []);
});

Deno.test("regimeBand() refuses dates and regimes of different lengths", () => {
  assert.throws(
    () => regimeBand({ dates: ["2024-01-01"], regime: [], confidence: [], transitions: [] }),
    RangeError,
    "same length",
  );
});
