/**
 * `deno task audit` end to end: each subcommand on a store written by the
 * scenario, bad input as InputErrors, and the exit code 2 of a real process
 * (needs --allow-run).
 */
import assert from "node:assert/strict";
import { InputError } from "../lib/errors.ts";
import { SqliteEventStore } from "../lib/audit/mod.ts";
import { scenario } from "../lib/audit/testdata/scenario.ts";
import { pointLatestRun } from "../lib/run/latest_run.ts";
import { audit } from "../scripts/audit.ts";

const SCRIPT = new URL("../scripts/audit.ts", import.meta.url).pathname;
const noEnv = (_: string) => undefined;

async function withStore(body: (path: string, runId: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir();
  try {
    const path = `${dir}/audit.db`;
    const store = SqliteEventStore.open(path);
    const log = await scenario(store);
    await store.close();
    await body(path, log.runId);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

async function run(args: string[]): Promise<string[]> {
  const lines: string[] = [];
  await audit(args, (line) => lines.push(line), noEnv);
  return lines;
}

Deno.test("audit timeline prints the asset's events over the last N days of the run", async () => {
  await withStore(async (store, runId) => {
    const lines = await run(["timeline", "AAPL", "--days", "45", "--store", store]);
    assert.equal(lines[0], `AAPL: 8 events over the last 45 days (run ${runId})`);
    assert.equal(
      lines[4],
      "2021-03-01  position_open        AAPL    open      score 0.86  size 0.12  score 0.86 > 0.65",
    );
    assert.deepEqual(await run(["timeline", "AAPL", "--store", store]), [
      `AAPL: 1 events over the last 30 days (run ${runId})`,
      "2021-04-15  asset_scored         AAPL    score     score 0.5",
    ]);
  });
});

Deno.test("audit why prints the session chain from regime to fill", async () => {
  await withStore(async (store, runId) => {
    const lines = await run(["why", "AAPL", "2021-03-01", "--store", store]);
    assert.match(
      lines[0] ?? "",
      new RegExp(`^session ${runId}/1 \\(rebalance, asOf 2021-03-01, trace [0-9a-f]{16}\\)$`),
    );
    assert.deepEqual(lines.slice(1).map((l) => l.trim().split(/\s+/).slice(0, 3)), [
      ["run", "2021-03-01", "session_start"],
      ["regime", "2021-03-01", "regime_detected"],
      ["scanner", "2021-03-01", "scan_result"],
      ["scoring", "2021-03-01", "asset_scored"],
      ["protection", "2021-03-01", "protection_approved"],
      ["position", "2021-03-01", "position_open"],
      ["order", "2021-03-01", "order_placed"],
      ["order", "2021-03-02", "order_filled"],
    ]);
    assert.deepEqual(await run(["why", "MSFT", "2021-03-02", "--store", store]), [
      `no session on 2021-03-02 touched MSFT in run ${runId}`,
    ]);
  });
});

Deno.test("audit health, sessions and sql print their reports, and --json prints JSON", async () => {
  await withStore(async (store) => {
    const health = await run(["health", "--store", store]);
    assert.equal(health[0], "health score: 100");
    assert.equal(health[1], "runs: 1 (1 finished, 0 failed, 0 incomplete)");
    const sessions = JSON.parse(
      (await run(["sessions", "--limit", "1", "--json", "--store", store])).join("\n"),
    );
    assert.deepEqual(sessions.sessions.map((s: { asOf: string }) => s.asOf), ["2021-04-15"]);
    assert.deepEqual(sessions.incompleteRuns, []);
    assert.deepEqual(
      await run([
        "sql",
        "SELECT asset, count(*) AS n FROM portfolio_events WHERE asset IS NOT NULL GROUP BY asset",
        "--store",
        store,
      ]),
      [
        "asset\tn",
        "AAPL\t8",
        "MSFT\t2",
        "(2 rows)",
      ],
    );
  });
});

Deno.test("audit refuses bad input with InputErrors that name the problem", async () => {
  await withStore(async (store) => {
    const cases: [string[], RegExp][] = [
      [["frob", "--store", store], /unknown command "frob"/],
      [[], /no command given/],
      [["timeline", "--store", store], /timeline takes ASSET: got none/],
      [["timeline", "AAPL", "--days", "many", "--store", store], /--days must be a whole number/],
      [["why", "AAPL", "1 March", "--store", store], /date must be YYYY-MM-DD/],
      [["sql", "DELETE FROM events", "--store", store], /refused a DELETE statement/],
      [["health", "--store", `${store}.missing`], /no audit event store there/],
      [["health", "--bogus"], /bad command line/],
      [["health", "--postgres"], /neither DATABASE_URL nor DB_HOST/],
    ];
    for (const [args, message] of cases) {
      await assert.rejects(
        run(args),
        (e: unknown) => e instanceof InputError && message.test(e.message),
        args.join(" "),
      );
    }
  });
});

Deno.test("the audit script exits 2 with a one-line error for bad input, 0 with --help", async () => {
  const exec = (args: string[]) =>
    new Deno.Command(Deno.execPath(), {
      args: ["run", "--quiet", "--allow-read", SCRIPT, ...args],
      stdout: "piped",
      stderr: "piped",
    }).output();
  const bad = await exec(["health", "--store", "/nonexistent/audit.db"]);
  assert.equal(bad.code, 2);
  assert.equal(
    new TextDecoder().decode(bad.stderr),
    "error: /nonexistent/audit.db: no audit event store there (file not found)\n",
  );
  const help = await exec(["--help"]);
  assert.equal(help.code, 0);
  assert.match(new TextDecoder().decode(help.stdout), /^usage: deno task audit <command>/);
});

Deno.test("audit without --store reads the latest run's audit.db and says so on the side", async () => {
  await withStore(async (store, runId) => {
    const dir = store.slice(0, -"/audit.db".length);
    const latest = `${dir}/latest`;
    const notes: string[] = [];
    const lines: string[] = [];
    const options = { note: (line: string) => notes.push(line), latest };
    await assert.rejects(
      audit(["health"], (line) => lines.push(line), noEnv, options),
      InputError,
      "no run to read",
    );
    await pointLatestRun(dir, latest);
    await audit(["sessions", "--json"], (line) => lines.push(line), noEnv, options);
    assert.deepEqual(notes, [`audit: reading ${store} (the latest run, from ${latest})`]);
    const sessions = JSON.parse(lines.join("\n")).sessions as { runId: string }[];
    assert.ok(sessions.length > 0 && sessions.every((s) => s.runId === runId));
  });
});
