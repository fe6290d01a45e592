/**
 * The corpus of bad config files (tests/bad_configs/, each with the message it
 * must get in expected.json): `deno task backtest --config FILE` under the
 * backtest's permission set exits 2, names the field, prints nothing on
 * stdout and writes nothing; `deno task config validate` lists them all at once.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { listFiles, REPO, resultsScratch, runTask } from "./_task.ts";

const DIR = "tests/bad_configs";
const expected: Record<string, string | string[]> = JSON.parse(
  await Deno.readTextFile(join(REPO, DIR, "expected.json")),
);
const patterns = (file: string) => [expected[file] ?? []].flat().map((p) => new RegExp(p));

Deno.test("every bad config has an expected message and every expectation a file", async () => {
  const files = (await listFiles(DIR)).filter((f) => f !== "expected.json");
  assert.deepEqual(files, Object.keys(expected).sort());
  for (const kind of ["wrong_type", "out_of_range", "unknown_key", "bucket_limit_below_cap"]) {
    assert.ok(files.includes(`${kind}.yaml`), kind);
  }
  for (const kind of ["empty_universe", "start_after_end", "unknown_preset", "malformed"]) {
    assert.ok(files.includes(`${kind}.yaml`), kind);
  }
});

for (const file of Object.keys(expected)) {
  Deno.test(`backtest --config ${file} exits 2 naming the field, writing nothing`, async () => {
    const { dir, cleanup } = await resultsScratch("bad-config");
    try {
      const run = await runTask("backtest", "backtest", [
        "--config",
        `${DIR}/${file}`,
        "--results-dir",
        dir,
      ]);
      assert.equal(run.code, 2, run.stderr);
      for (const pattern of patterns(file)) assert.match(run.stderr, pattern);
      assert.equal(run.stdout, "");
      assert.deepEqual(await listFiles(dir), []);
    } finally {
      await cleanup();
    }
  });
}

Deno.test("config validate lists every problem of every bad file at once and exits 2", async () => {
  const files = Object.keys(expected);
  const run = await runTask("config", "config", ["validate", ...files.map((f) => `${DIR}/${f}`)]);
  assert.equal(run.code, 2);
  assert.equal(run.stdout, "");
  for (const file of files) {
    for (const pattern of patterns(file)) assert.match(run.stderr, pattern, file);
  }
});
