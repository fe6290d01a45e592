import assert from "node:assert/strict";
import { InputError } from "../errors.ts";
import { readRunResult } from "./read_run_result.ts";
import { syntheticRunResult } from "./testdata/synthetic_run_result.ts";

Deno.test("readRunResult() reads a result file back", async () => {
  const dir = await Deno.makeTempDir({ prefix: "report_read_" });
  try {
    const result = syntheticRunResult({ assets: 4, days: 50 });
    await Deno.writeTextFile(`${dir}/result.json`, JSON.stringify(result));
    assert.deepEqual(await readRunResult(`${dir}/result.json`), JSON.parse(JSON.stringify(result)));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("readRunResult() names the file that is missing, a folder or not JSON", async () => {
  const dir = await Deno.makeTempDir({ prefix: "report_read_" });
  try {
    await assert.rejects(
      readRunResult(`${dir}/none.json`),
      InputError,
      `${dir}/none.json: no such file`,
    );
    await assert.rejects(readRunResult(dir), InputError, "is a folder");
    await Deno.writeTextFile(`${dir}/bad.json`, "{ nope");
    await assert.rejects(readRunResult(`${dir}/bad.json`), InputError, `${dir}/bad.json: not JSON`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
