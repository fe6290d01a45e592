/**
 * `deno task audit` without `--store` when `results/latest` names a result
 * without an audit log: after `deno task walkforward` it says in one line
 * that the latest result is a walk-forward, which keeps none, and what to
 * pass instead (exit 2 through runScript); a folder without `audit.db` of
 * another kind gets its own line; `audit:pg` notes the walk-forward on the
 * side, since it reads the PostgreSQL store's runs instead.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { InputError } from "../lib/errors.ts";
import { pointLatestRun } from "../lib/run/latest_run.ts";
import { audit } from "../scripts/audit.ts";
import { closedPort } from "./db_scratch.ts";

const noEnv = (_: string) => undefined;

async function withLatest(
  files: Record<string, string>,
  body: (latest: string, folder: string) => Promise<void>,
): Promise<void> {
  const dir = await Deno.makeTempDir();
  try {
    const folder = join(dir, "walkforward", "example-2y-1y");
    await Deno.mkdir(folder, { recursive: true });
    for (const [name, text] of Object.entries(files)) {
      await Deno.writeTextFile(join(folder, name), text);
    }
    const latest = join(dir, "latest");
    await pointLatestRun(folder, latest);
    await body(latest, folder);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("audit without --store after a walk-forward: one line saying it keeps no audit log and what to pass", async () => {
  await withLatest(
    { "walkforward.json": "{}", "result.json": "{}" },
    async (latest, folder) => {
      const printed: string[] = [], notes: string[] = [];
      const options = { latest, note: (line: string) => notes.push(line) };
      const error = await audit(["health"], (l) => printed.push(l), noEnv, options).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error instanceof InputError, String(error));
      assert.equal(
        error.message,
        `${latest} names ${folder}, a walk-forward, which keeps no audit log (its out-of-sample ` +
          "pieces run without one, as a sweep's runs do): give a backtest's log with " +
          "--store results/<run>/audit.db (deno task backtest writes one), or read a PostgreSQL " +
          "audit store with deno task audit:pg",
      );
      assert.deepEqual([printed, notes], [[], []]);
    },
  );
});

Deno.test("audit without --store on a run folder without audit.db: says why there may be none", async () => {
  await withLatest({ "result.json": "{}" }, async (latest, folder) => {
    await assert.rejects(
      audit(["sessions"], () => {}, noEnv, { latest, note: () => {} }),
      new InputError(
        `${latest} names ${folder}, which holds no audit.db (a run with audit.enabled false, or ` +
          "whose audit store is PostgreSQL: deno task audit:pg reads that): give a log with " +
          "--store results/<run>/audit.db",
      ),
    );
  });
});

Deno.test("audit:pg after a walk-forward notes that the latest result keeps no audit log, then reads the store", async () => {
  await withLatest({ "walkforward.json": "{}" }, async (latest, folder) => {
    const notes: string[] = [];
    const port = closedPort();
    const env = (name: string) =>
      name === "DATABASE_URL"
        ? `postgres://engine:secret@127.0.0.1:${port}/engine_test`
        : undefined;
    await assert.rejects(
      audit(["health", "--postgres"], () => {}, env, {
        latest,
        note: (line) => notes.push(line),
      }),
      /127\.0\.0\.1/,
    );
    assert.deepEqual(notes, [
      `audit: the latest result, ${folder}, is a walk-forward, which keeps no audit log; reading the runs of the PostgreSQL store`,
    ]);
  });
});
