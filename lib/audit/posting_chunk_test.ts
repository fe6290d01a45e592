import assert from "node:assert/strict";
import { type Posting, PostingChunk } from "./posting_chunk.ts";

Deno.test("PostingChunk keeps each asset's id and asOf range, in first-seen order, and empties when drained", () => {
  const chunk = new PostingChunk();
  chunk.add(7, 1, 300);
  chunk.add(2, 2, 100);
  chunk.add(7, 3, 200);
  chunk.add(5_000, 4, 400);
  const out: Posting[] = [];
  chunk.drain((p) => out.push(p));
  assert.deepEqual(out, [
    { asset: 7, firstEvent: 1, lastEvent: 3, minAsOf: 200, maxAsOf: 300 },
    { asset: 2, firstEvent: 2, lastEvent: 2, minAsOf: 100, maxAsOf: 100 },
    { asset: 5_000, firstEvent: 4, lastEvent: 4, minAsOf: 400, maxAsOf: 400 },
  ]);
  chunk.add(2, 9, 50);
  const again: Posting[] = [];
  chunk.drain((p) => again.push(p));
  assert.deepEqual(again, [{ asset: 2, firstEvent: 9, lastEvent: 9, minAsOf: 50, maxAsOf: 50 }]);
});
