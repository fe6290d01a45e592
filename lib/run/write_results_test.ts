import assert from "node:assert/strict";
import { resultJson, resultJsonPieces, writeFilesAtomically } from "./write_results.ts";
import type { RunResult } from "../engine/run_result.ts";

Deno.test("writeFilesAtomically() writes pieces to the same bytes as the whole text", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const big = {
      version: 1,
      fills: Array.from(
        { length: 5_001 },
        (_, i) => ({ orderId: i, ticker: `T${i % 7}`, price: i / 7 }),
      ),
      note: "ü ✓",
    } as unknown as RunResult;
    const [path] = await writeFilesAtomically(dir, { "result.json": resultJsonPieces(big) });
    assert.equal(await Deno.readTextFile(path as string), resultJson(big));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
