import assert from "node:assert/strict";
import { createShow } from "./show.ts";

// settleMs 0 throughout: the behaviour under test is the order of events, not a duration.

Deno.test("createShow() waits for each display before the next, in order", async () => {
  const events: string[] = [];
  const show = createShow(async (value) => {
    events.push(`start ${value}`);
    await Promise.resolve();
    events.push(`end ${value}`);
  }, { settleMs: 0 });
  await show(1, 2);
  assert.deepEqual(events, ["start 1", "end 1", "start 2", "end 2"]);
});

Deno.test("createShow() resolves only after a timer queued by the display has run", async () => {
  // The kernel sends queued outputs from its event loop: a timer queued by the
  // display stands for them, and must have fired by the time show() resolves.
  let flushed = false;
  const show = createShow(() => {
    setTimeout(() => flushed = true, 0);
  }, { settleMs: 0 });
  await show("output");
  assert.equal(flushed, true);
});

Deno.test("createShow() with no items displays nothing and still settles", async () => {
  const shown: unknown[] = [];
  let flushed = false;
  setTimeout(() => flushed = true, 0);
  await createShow((v) => shown.push(v), { settleMs: 0 })();
  assert.deepEqual(shown, []);
  assert.equal(flushed, true);
});

Deno.test("createShow() refuses a negative or infinite settle time", () => {
  assert.throws(() => createShow(() => {}, { settleMs: -1 }), RangeError);
  assert.throws(() => createShow(() => {}, { settleMs: Infinity }), RangeError);
});
