/**
 * `deno task plan` under its own permission set (issue 12 §1 and §3): a
 * portfolio created, planned, caught up over a gap, refused a day already
 * planned, planned again with --replan, explained by `deno task audit why`,
 * and its status; every kind of bad input refused with one message and exit
 * 2, the ledger and the audit log untouched.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { fixtureStore } from "./_plan_fixture.ts";
import { REPO, resultsScratch, runTask, type TaskRun } from "./_task.ts";
import { ledgerContents, ledgerScratch, planArgs, type PlanPlaces } from "./_plan_task.ts";

/** Runs the plan task on the scratch store, ledger folder and results folder. */
function planTask(places: PlanPlaces, args: readonly string[]): Promise<TaskRun> {
  return runTask("plan", "plan", planArgs(places, args));
}

async function contents(ledgerDir: string, name: string): Promise<string> {
  return JSON.stringify(await ledgerContents({ store: "", ledger: ledgerDir, results: "" }, name));
}

async function fileBytes(path: string): Promise<string> {
  try {
    const bytes = await Deno.readFile(join(REPO, path));
    return Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))).join(",");
  } catch {
    return "absent";
  }
}

Deno.test("deno task plan: create, plan, catch up, refuse a planned day, replan, why, status", async () => {
  const results = await resultsScratch("plan-cli");
  const ledger = await ledgerScratch("plan-cli");
  try {
    const store = join(results.dir, "prices.db");
    await fixtureStore(join(REPO, results.dir));
    const places = { store, ledger: ledger.dir, results: results.dir };
    const init = await planTask(places, [
      "--portfolio",
      "demo",
      "--init",
      "--cash",
      "50000",
      "--date",
      "2014-06-02",
    ]);
    assert.equal(init.code, 0, init.stderr);
    assert.match(init.stdout, /created portfolio demo: 50000 in cash, first day 2014-06-02/);

    const first = await planTask(places, ["--portfolio", "demo", "--date", "2014-06-04"]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /caught up 3 days \(2014-06-02 to 2014-06-04\)/);
    assert.match(first.stdout, /orders for the next open|target weights/);

    const before = await contents(ledger.dir, "demo");
    const again = await planTask(places, ["--portfolio", "demo", "--date", "2014-06-04"]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /has already planned 2014-06-04; --replan plans it again/);
    assert.equal(await contents(ledger.dir, "demo"), before);

    const latest = await planTask(places, ["--portfolio", "demo", "--date", "2014-12-31"]);
    assert.equal(latest.code, 0, latest.stderr);
    const holiday = await planTask(places, ["--portfolio", "demo"]);
    assert.equal(holiday.code, 0, holiday.stderr);
    assert.match(holiday.stdout, /nothing to plan: the price data has no day after its last plan/);
    const replan = await planTask(places, ["--portfolio", "demo", "--replan", "--json"]);
    assert.equal(replan.code, 0, replan.stderr);
    const outcome = JSON.parse(replan.stdout);
    assert.equal(outcome.replanned, true);
    const after = JSON.parse(await contents(ledger.dir, "demo"));
    const plans = after.plans.filter((p: { date: string }) => p.date === "2014-12-31");
    assert.deepEqual(plans.map((p: { superseded: boolean }) => p.superseded), [true, false]);
    const planned = after.days.map((d: { date: string }) => d.date);
    assert.deepEqual([planned.length, planned.at(-1)], [149, "2014-12-31"]);

    // The portfolio's audit log explains the first day's orders, through their fills.
    const audit = join(results.dir, "portfolios", "demo", "audit.db");
    const opened = after.fills[0];
    assert.ok(opened, "the first plan's orders filled");
    const why = await runTask("audit", "audit", [
      "why",
      opened.ticker,
      opened.placed,
      "--store",
      audit,
    ]);
    assert.equal(why.code, 0, why.stderr);
    assert.match(why.stdout, /position_open/);
    assert.match(why.stdout, new RegExp(`order_filled +${opened.ticker}`));

    const status = await planTask(places, ["--portfolio", "demo", "--status", "--json"]);
    assert.equal(status.code, 0, status.stderr);
    const s = JSON.parse(status.stdout);
    assert.equal(s.lastDay, "2014-12-31");
    assert.equal(s.daysPlanned, 149);
    assert.equal(s.initialCash, 50_000);
    assert.deepEqual(s.benchmarks.map((b: { name: string }) => b.name), ["SPY", "60/40:SPY,TLT"]);
    assert.ok(s.holdings.length > 0);
    const text = await planTask(places, ["--portfolio", "demo", "--status"]);
    assert.match(text.stdout, /SPY over the same days: -?\d+\.\d+%/);
    assert.match(text.stdout, /protections in force:/);
  } finally {
    await ledger.cleanup();
    await results.cleanup();
  }
});

Deno.test("deno task plan refuses bad input with one message and exit 2, writing nothing", async () => {
  const results = await resultsScratch("plan-bad");
  const ledger = await ledgerScratch("plan-bad");
  try {
    const store = join(results.dir, "prices.db");
    await fixtureStore(join(REPO, results.dir));
    const places = { store, ledger: ledger.dir, results: results.dir };
    const ok = async (args: string[]) => {
      const run = await planTask(places, args);
      assert.equal(run.code, 0, run.stderr);
      return run;
    };
    await ok(["--portfolio", "p", "--init", "--date", "2014-06-02"]);
    await ok(["--portfolio", "p", "--date", "2014-06-05"]);
    const audit = join(results.dir, "portfolios", "p", "audit.db");
    const ledgerBefore = await contents(ledger.dir, "p");
    const auditBefore = await fileBytes(audit);
    const refused: [string[], RegExp][] = [
      [["--portfolio", "nope"], /unknown portfolio nope: no ledger .*\(portfolios: p\)/],
      [
        ["--portfolio", "p", "--date", "2014-06-03"],
        /before portfolio p's last planned day 2014-06-05/,
      ],
      [["--portfolio", "p", "--date", "2014-06-07"], /has no prices for that day/],
      [["--portfolio", "p", "--date", "2015-01-05"], /fetch them first with deno task ingest/],
      [["--portfolio", "p", "--date", "2014-13-01"], /--date must be a date as YYYY-MM-DD/],
      [
        ["--portfolio", "p", "--max-assets", "5", "--date", "2014-06-06"],
        /sizing|universe.maxAssets: 20 -> 5/,
      ],
      [["--portfolio", "p", "--init"], /portfolio p already exists/],
      [["--portfolio", "p", "--init", "--status"], /--init and --status cannot be combined/],
      [["--date", "2014-06-06"], /--portfolio NAME is required/],
      [["--portfolio", "q", "--init", "--ledger-dir", "/tmp"], /cannot use \/tmp for ledgers/],
    ];
    for (const [args, message] of refused) {
      const run = await planTask(places, args);
      assert.equal(run.code, 2, `${args.join(" ")}: ${run.stderr}`);
      assert.match(run.stderr, message, args.join(" "));
      assert.ok(!/at .*\.ts:\d+/.test(run.stderr), `no stack trace: ${run.stderr}`);
    }
    assert.equal(await contents(ledger.dir, "p"), ledgerBefore, "the ledger is untouched");
    assert.equal(await fileBytes(audit), auditBefore, "the audit log is untouched");

    // A ledger written by a newer engine is refused, and left as it was.
    const path = join(REPO, ledger.dir, "p.db");
    const db = new DatabaseSync(path);
    db.exec("PRAGMA user_version = 99");
    db.close();
    const newer = await fileBytes(join(ledger.dir, "p.db"));
    const run = await planTask(places, ["--portfolio", "p", "--date", "2014-06-06"]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /ledger of version 99, written by a newer engine/);
    assert.equal(await fileBytes(join(ledger.dir, "p.db")), newer);
  } finally {
    await ledger.cleanup();
    await results.cleanup();
  }
});

Deno.test("deno task plan records an accepted config change and plans with it", async () => {
  const results = await resultsScratch("plan-change");
  const ledger = await ledgerScratch("plan-change");
  try {
    const store = join(results.dir, "prices.db");
    await fixtureStore(join(REPO, results.dir));
    const places = { store, ledger: ledger.dir, results: results.dir };
    assert.equal(
      (await planTask(places, ["--portfolio", "c", "--init", "--date", "2014-06-02"])).code,
      0,
    );
    const run = await planTask(places, [
      "--portfolio",
      "c",
      "--date",
      "2014-06-03",
      "--max-assets",
      "5",
      "--accept-config-change",
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /config change accepted and recorded: universe.maxAssets: 20 -> 5/);
    const after = JSON.parse(await contents(ledger.dir, "c"));
    assert.deepEqual(after.configChanges.map((c: { changes: string[] }) => c.changes), [[
      "universe.maxAssets: 20 -> 5",
    ]]);
    assert.equal(after.portfolio.config.universe.maxAssets, 5);
    // The next plan with the new config needs no flag; the old one is now a change.
    assert.equal(
      (await planTask(places, ["--portfolio", "c", "--date", "2014-06-04", "--max-assets", "5"]))
        .code,
      0,
    );
    const old = await planTask(places, ["--portfolio", "c", "--date", "2014-06-05"]);
    assert.equal(old.code, 2);
    assert.match(old.stderr, /universe.maxAssets: 5 -> 20/);
  } finally {
    await ledger.cleanup();
    await results.cleanup();
  }
});
