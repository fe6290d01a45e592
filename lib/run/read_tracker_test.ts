import assert from "node:assert/strict";
import { validateConfig } from "../config/load.ts";
import { readSignature, trackReads, valueAt } from "./read_tracker.ts";

Deno.test("trackReads() records each leaf read with its value, and nothing of the sections it walked through", () => {
  const tracker = trackReads({
    run: { cash: 100, start: undefined },
    data: { tickers: ["SPY", "TLT"] },
  });
  const view = tracker.view;
  assert.equal(view.run.cash, 100);
  assert.equal(view.run.start, undefined);
  assert.deepEqual(view.data.tickers, ["SPY", "TLT"]);
  assert.deepEqual([...tracker.reads], [
    ["run.cash", "100"],
    ["run.start", "(undefined)"],
    ["data.tickers", '["SPY","TLT"]'],
  ]);
});

Deno.test("trackReads() records a declared leaf object whole and hands it out as it is", () => {
  const map = { Goldilocks: ["Risk Assets"] };
  const tracker = trackReads(
    { buckets: { regimeMap: map, allowed: ["x"] } },
    (p) => p === "buckets.regimeMap",
  );
  assert.equal(tracker.view.buckets.regimeMap, map);
  assert.deepEqual([...tracker.reads], [["buckets.regimeMap", '{"Goldilocks":["Risk Assets"]}']]);
});

Deno.test("trackReads() records a whole section when its keys are listed or spread", () => {
  const tracker = trackReads({ sizing: { maxSingle: 0.1, target: 0.9 }, other: 1 });
  assert.deepEqual({ ...tracker.view.sizing }, { maxSingle: 0.1, target: 0.9 });
  assert.equal("target" in tracker.view.sizing, true);
  assert.deepEqual([...tracker.reads.keys()].sort(), [
    "sizing",
    "sizing.maxSingle",
    "sizing.target",
  ]);
});

Deno.test("trackReads() works over a deep-frozen config and refuses writes", () => {
  const config = validateConfig({ sizing: { maxSingle: 0.2 } });
  const tracker = trackReads({ config });
  assert.equal(tracker.view.config.sizing.maxSingle, 0.2);
  assert.throws(() => {
    (tracker.view.config.sizing as { maxSingle: number }).maxSingle = 1;
  }, /read-only/);
});

Deno.test("trackReads() throws on a read after seal(): a later read would escape the cache key", () => {
  const tracker = trackReads({ a: { b: 1 } });
  const kept = tracker.view.a;
  tracker.seal();
  assert.throws(() => kept.b, /a shared service read a\.b after it was built/);
});

Deno.test("valueAt() and readSignature() agree with what was recorded", () => {
  const root = { a: { b: [1, 2] } };
  assert.equal(readSignature(valueAt(root, "a.b")), "[1,2]");
  assert.equal(readSignature(valueAt(root, "a.c")), "(undefined)");
  assert.equal(valueAt(root, ""), root);
});
