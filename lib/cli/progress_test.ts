import assert from "node:assert/strict";
import { type ProgressStream, progressWanted, startProgress, withProgress } from "./progress.ts";

/** A terminal-like stream that keeps what is written to it. */
function fakeTerminal(): ProgressStream & { readonly text: () => string } {
  const chunks: string[] = [];
  return {
    isTTY: true,
    columns: 100,
    write: (chunk: string) => chunks.push(chunk) > 0,
    text: () => chunks.join(""),
  };
}

Deno.test("progressWanted() draws only when stdout and stderr are both terminals", () => {
  assert.equal(progressWanted(true, true), true);
  assert.equal(progressWanted(false, true), false);
  assert.equal(progressWanted(true, false), false);
});

Deno.test("startProgress() draws the count and the detail, then clears its line", () => {
  const stream = fakeTerminal();
  const progress = startProgress(3, "ingest", { enabled: true, stream });
  for (const ticker of ["SPY", "TLT", "GLD"]) progress.tick(ticker);
  progress.stop();
  progress.stop();
  const text = stream.text();
  assert.match(text, /ingest \[/);
  assert.match(text, /3\/3 GLD/);
  assert.ok(text.includes("\u001b[2K"), "line cleared");
});

Deno.test("startProgress() writes nothing when disabled", () => {
  const stream = fakeTerminal();
  const progress = startProgress(3, "quiet", { enabled: false, stream });
  progress.tick("a");
  progress.stop();
  assert.equal(stream.text(), "");
});

Deno.test("withProgress() runs the work in order and stops the bar when the work fails", async () => {
  const stream = fakeTerminal();
  assert.deepEqual(
    await withProgress([1, 2, 3], "runs", (n) => Promise.resolve(n * 10), {
      enabled: true,
      stream,
    }),
    [10, 20, 30],
  );
  await assert.rejects(
    withProgress(
      [1, 2],
      "runs",
      (n) => n === 2 ? Promise.reject(new Error("run 2")) : Promise.resolve(n),
      {
        enabled: true,
        stream,
      },
    ),
    /run 2/,
  );
});

Deno.test("startProgress() with a rate counts from the items already done and shows items per second and the time left", () => {
  const stream = fakeTerminal();
  let clock = 0;
  const progress = startProgress(10, "sweep", {
    enabled: true,
    stream,
    initial: 4,
    rate: "runs",
    now: () => clock,
  });
  clock = 1000;
  progress.tick();
  clock = 2000;
  progress.tick();
  progress.stop();
  // Hand calculation: 2 runs in 2 s since the start = 1.0 run/s; the count starts at the 4 stored.
  assert.match(stream.text(), /6\/10 1\.0 runs\/s, \S+ left/);
});
