import assert from "node:assert/strict";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { validateConfig } from "../config/load.ts";
import { InputError } from "../errors.ts";
import type { PlanDay, PortfolioRecord } from "./ledger.ts";
import { initialPlanState } from "./plan_state.ts";
import { createSqliteLedger, openSqliteLedger } from "./sqlite_ledger.ts";

const portfolio: PortfolioRecord = {
  name: "demo",
  inception: "2024-01-02",
  cash: 1000,
  config: validateConfig({}),
  configHash: "h",
  createdAt: "2024-01-01T00:00:00.000Z",
  codeVersion: "test",
};

/** A planned day by hand: a sell filled before a buy (the broker's order), a trade, two verdicts. */
function day(date: string, cash: number): PlanDay {
  return {
    date,
    value: 1000.5,
    cash,
    exposure: 0.1 + 0.2, // 0.30000000000000004: floats come back exactly
    turnover: 0,
    benchmark: { SPY: 470.25, QQQ: null },
    holdings: [
      { ticker: "TLT", shares: 2, price: 90, value: 180, weight: 0.18 },
      { ticker: "AAA", shares: 1, price: 10, value: 10, weight: 0.01 },
    ],
    fills: [
      {
        orderId: 9,
        ticker: "ZZZ",
        side: "sell",
        size: 1,
        price: 5,
        commission: 1,
        placed: "2024-01-01",
        date,
      },
      {
        orderId: 3,
        ticker: "AAA",
        side: "buy",
        size: 1,
        price: 10,
        commission: 1,
        placed: "2024-01-01",
        date,
        reason: "dip",
      },
    ],
    notes: [{
      orderId: 4,
      ticker: "TLT",
      side: "buy",
      requested: 5,
      filled: 2,
      outcome: "trimmed",
      reason: "cash",
      date,
    }],
    trades: [{
      ticker: "ZZZ",
      entryDate: "2023-12-01",
      exitDate: date,
      entryPrice: 4,
      exitPrice: 5,
      size: 1,
      pnl: 0.5,
      returnPct: 0.125,
      daysHeld: 31,
      commission: 0.5,
    }],
    decisions: [
      {
        date,
        asset: "TLT",
        action: "close",
        approved: false,
        rule: "holding_period",
        reason: "young",
        size: null,
        overriddenBy: null,
        bypassed: [],
      },
      {
        date,
        asset: "AAA",
        action: "decay",
        approved: true,
        rule: "grace_period",
        reason: "decay",
        size: 0.08,
        overriddenBy: "regime_override",
        bypassed: ["whipsaw"],
      },
    ],
    plan: {
      date,
      regime: "Goldilocks",
      kind: "rebalance",
      targets: { TLT: 0.5 },
      orders: [],
      skipped: null,
    },
    state: { ...initialPlanState(cash), date },
  };
}

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "ledger-" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("a SQLite ledger gives back every planned day as written, in the order written", async () => {
  await withDir(async (dir) => {
    createSqliteLedger(dir, portfolio, initialPlanState(1000));
    const ledger = openSqliteLedger(dir, "demo");
    const first = day("2024-01-02", 900), second = day("2024-01-03", 800);
    await ledger.write(async (tx) => {
      assert.equal(await tx.lastDay(), undefined);
      assert.equal((await tx.lastState()).date, null);
      await tx.addDay(first, "t1");
      await tx.addDay(second, "t1");
    });
    const c = await ledger.read();
    assert.deepEqual(c.portfolio, portfolio);
    assert.deepEqual(c.days.map((d) => [d.date, d.cash, d.exposure, d.benchmark]), [
      ["2024-01-02", 900, 0.30000000000000004, { SPY: 470.25, QQQ: null }],
      ["2024-01-03", 800, 0.30000000000000004, { SPY: 470.25, QQQ: null }],
    ]);
    assert.deepEqual(c.fills, [...first.fills, ...second.fills]);
    assert.deepEqual(c.notes, [...first.notes, ...second.notes]);
    assert.deepEqual(c.trades, [...first.trades, ...second.trades]);
    assert.deepEqual(c.decisions, [...first.decisions, ...second.decisions]);
    assert.deepEqual(c.holdings, second.holdings);
    assert.deepEqual(c.state, second.state);
    await ledger.close();
  });
});

Deno.test("removing a planned day keeps its plan, marked replaced, and the state goes back a day", async () => {
  await withDir(async (dir) => {
    createSqliteLedger(dir, portfolio, initialPlanState(1000));
    const ledger = openSqliteLedger(dir, "demo");
    await ledger.write(async (tx) => {
      await tx.addDay(day("2024-01-02", 900), "t1");
      await tx.addDay(day("2024-01-03", 800), "t1");
    });
    await ledger.write(async (tx) => {
      assert.equal((await tx.stateBefore("2024-01-03")).date, "2024-01-02");
      await tx.removeDay("2024-01-03");
      await tx.addDay(day("2024-01-03", 700), "t2");
    });
    const c = await ledger.read();
    assert.deepEqual(c.days.map((d) => d.cash), [900, 700]);
    assert.deepEqual(
      c.plans.map((p) => [p.date, p.attempt, p.superseded, p.recordedAt]),
      [["2024-01-02", 1, false, "t1"], ["2024-01-03", 1, true, "t1"], [
        "2024-01-03",
        2,
        false,
        "t2",
      ]],
    );
    assert.equal(c.fills.length, 4);
    await ledger.close();
  });
});

Deno.test("a failed write leaves the ledger as it was; a second writer fails at once", async () => {
  await withDir(async (dir) => {
    createSqliteLedger(dir, portfolio, initialPlanState(1000));
    const a = openSqliteLedger(dir, "demo"), b = openSqliteLedger(dir, "demo");
    const before = JSON.stringify(await a.read());
    await assert.rejects(
      () =>
        a.write(async (tx) => {
          await tx.addDay(day("2024-01-02", 900), "t");
          throw new Error("boom");
        }),
      /boom/,
    );
    assert.equal(JSON.stringify(await a.read()), before);
    let release = () => {};
    const held = a.write(() => new Promise<void>((resolve) => (release = resolve)));
    await assert.rejects(
      () => b.write(() => Promise.resolve()),
      /portfolio demo is being planned by another process .* nothing was written/,
    );
    assert.equal(JSON.stringify(await b.read()), before, "readers still read");
    release();
    await held;
    await a.close();
    await b.close();
  });
});

Deno.test("opening refuses an unknown portfolio, a file that is no ledger, and a newer ledger", async () => {
  await withDir((dir) => {
    assert.throws(
      () => openSqliteLedger(dir, "nope"),
      /unknown portfolio nope: .*no portfolios yet/,
    );
    assert.throws(() => openSqliteLedger(dir, "../x"), /a portfolio name is letters, digits/);
    createSqliteLedger(dir, portfolio, initialPlanState(1000));
    assert.throws(
      () => createSqliteLedger(dir, portfolio, initialPlanState(1000)),
      /portfolio demo already exists/,
    );
    assert.throws(() => openSqliteLedger(dir, "nope"), /\(portfolios: demo\)/);
    new DatabaseSync(join(dir, "other.db")).close();
    assert.throws(() => openSqliteLedger(dir, "other"), /is not a paper ledger/);
    const db = new DatabaseSync(join(dir, "demo.db"));
    db.exec("PRAGMA user_version = 7");
    db.close();
    const error = (() => {
      try {
        openSqliteLedger(dir, "demo");
      } catch (e) {
        return e;
      }
    })();
    assert.ok(error instanceof InputError);
    assert.match(error.message, /version 7, written by a newer engine/);
    return Promise.resolve();
  });
});
