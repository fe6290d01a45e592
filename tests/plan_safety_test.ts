/**
 * Safety of the plan (issue 12 §2 and §3), with real processes under the
 * plan task's permission set:
 *
 * - a plan killed with SIGKILL in the middle leaves the ledger exactly as it
 *   was before it (tried at several moments of a long catch-up: every kill
 *   leaves either the old ledger or the whole plan, never a part);
 * - the portfolio then resumed gives exactly the fills, cash and value of
 *   one backtest of the whole period;
 * - of two plans of one portfolio at once, one plans and the other fails at
 *   once with a message and exit 2.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { backtest, fixtureStore, marketOf, storeConfig } from "./_plan_fixture.ts";
import { ledgerContents, ledgerScratch, planArgs, type PlanPlaces } from "./_plan_task.ts";
import { REPO, resultsScratch, runTask } from "./_task.ts";

const END = "2014-12-31";

/** Starts `deno task plan` as a child process. */
function spawnPlan(places: PlanPlaces, args: readonly string[]): Deno.ChildProcess {
  return new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--quiet",
      "-P=plan",
      join(REPO, "scripts", "plan.ts"),
      ...planArgs(places, args),
    ],
    cwd: REPO,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).spawn();
}

const contents = ledgerContents;

async function scratch(fn: (places: PlanPlaces) => Promise<void>): Promise<void> {
  const results = await resultsScratch("plan-safety");
  const ledger = await ledgerScratch("plan-safety");
  try {
    await fixtureStore(join(REPO, results.dir));
    await fn({ store: join(results.dir, "prices.db"), ledger: ledger.dir, results: results.dir });
  } finally {
    await ledger.cleanup();
    await results.cleanup();
  }
}

Deno.test("a plan killed with SIGKILL leaves the ledger as it was; resumed, the portfolio matches one backtest", async () => {
  await scratch(async (places) => {
    const run = (args: string[]) => runTask("plan", "plan", planArgs(places, args));
    assert.equal((await run(["--portfolio", "k", "--init", "--date", "2013-01-02"])).code, 0);
    assert.equal((await run(["--portfolio", "k", "--date", "2013-01-04"])).code, 0);
    const before = JSON.stringify(await contents(places, "k"));
    // A catch-up of two years, killed after a growing delay until one kill lands mid-plan.
    let killedMidPlan = 0;
    for (const delay of [150, 300, 700, 1200, 2000, 3000]) {
      const child = spawnPlan(places, ["--portfolio", "k", "--date", END]);
      await new Promise((resolve) => setTimeout(resolve, delay));
      try {
        child.kill("SIGKILL");
      } catch {
        // It had already finished.
      }
      const status = await child.status;
      await child.stdout.cancel();
      await child.stderr.cancel();
      const now = await contents(places, "k");
      if (status.signal === "SIGKILL" && now.days.at(-1)?.date === END) {
        // Killed after its commit (writing the report, closing files): the whole plan is there,
        // and what follows checks it against one backtest.
        break;
      } else if (status.signal === "SIGKILL") {
        assert.equal(
          JSON.stringify(now),
          before,
          `killed after ${delay} ms: the ledger is as before`,
        );
        killedMidPlan++;
      } else {
        assert.equal(status.code, 0);
        assert.equal(now.days.at(-1)?.date, END, "a plan that was not killed is whole");
        break;
      }
    }
    assert.ok(killedMidPlan > 0, "at least one plan was killed in the middle");
    // Resumed: the rest in two steps, as a daily job that missed days would (unless a trial
    // above finished before its kill, on a fast machine: then there is nothing left to plan).
    if ((await contents(places, "k")).days.at(-1)?.date !== END) {
      assert.equal((await run(["--portfolio", "k", "--date", "2013-06-28"])).code, 0);
    }
    const last = await run(["--portfolio", "k"]);
    assert.equal(last.code, 0, last.stderr);
    const ledger = await contents(places, "k");
    const config = storeConfig(join(REPO, places.store));
    const result = await backtest(config, await marketOf(config), "2013-01-02", END);
    assert.deepEqual(ledger.fills, result.fills);
    assert.deepEqual(ledger.days.map((d) => d.cash), result.equity.cash);
    assert.deepEqual(ledger.days.map((d) => d.value), result.equity.value);
    assert.deepEqual(ledger.trades, result.trades);
  });
});

Deno.test("of two plans of one portfolio at once, one plans and the other fails at once with exit 2", async () => {
  await scratch(async (places) => {
    const init = await runTask(
      "plan",
      "plan",
      planArgs(places, ["--portfolio", "two", "--init", "--date", "2013-01-02"]),
    );
    assert.equal(init.code, 0, init.stderr);
    const first = spawnPlan(places, ["--portfolio", "two", "--date", END]);
    await new Promise((resolve) => setTimeout(resolve, 50)); // both start up together; the first to lock plans
    const second = spawnPlan(places, ["--portfolio", "two", "--date", END]);
    const [a, b] = await Promise.all([first.output(), second.output()]);
    const decode = (x: Uint8Array) => new TextDecoder().decode(x);
    const codes = [a.code, b.code].sort();
    assert.deepEqual(codes, [0, 2], `${decode(a.stderr)}\n${decode(b.stderr)}`);
    const loser = a.code === 2 ? a : b;
    assert.match(
      decode(loser.stderr),
      /portfolio two is being planned by another process .*nothing was written/,
    );
    const ledger = await contents(places, "two");
    assert.equal(ledger.days.at(-1)?.date, END);
    assert.equal(ledger.plans.filter((p) => p.superseded).length, 0, "planned once");
  });
});
