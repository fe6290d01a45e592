/**
 * `deno task backtest` as a user runs it, under its own permission set.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { listFiles, REPO, resultsScratch, runTask } from "./_task.ts";

Deno.test("backtest with no flags runs the regime-aware strategy offline on the fixtures", async () => {
  const { dir, cleanup } = await resultsScratch("cli-default");
  try {
    const run = await runTask("backtest", "backtest", ["--results-dir", dir]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Sharpe/);
    assert.match(run.stdout, /2011-01-03 to 2020-12-31/);
    const files = await listFiles(dir);
    assert.equal(files.length, 3, files.join(", "));
    assert.match(files[0] as string, /^regime-aware-[0-9a-f]{8}-[0-9a-f]{8}\/audit\.db$/);
    assert.match(files[1] as string, /^regime-aware-[0-9a-f]{8}-[0-9a-f]{8}\/report\.html$/);
    assert.match(files[2] as string, /^regime-aware-[0-9a-f]{8}-[0-9a-f]{8}\/result\.json$/);
    const result = JSON.parse(await Deno.readTextFile(join(REPO, dir, files[2] as string)));
    assert.equal(result.strategy, "regime-aware");
    assert.ok(result.regimes.transitions.length > 0);
    assert.ok(result.protection.totals.decisions > 0);
    assert.equal(result.equity.dates.length, result.period.days);
    assert.ok(result.fills.length > 0);
    for (const f of result.fills) assert.ok(f.date > f.placed, "market orders fill the day after");
  } finally {
    await cleanup();
  }
});

Deno.test("backtest --json prints the same result twice (deterministic apart from the wall clock)", async () => {
  const { dir, cleanup } = await resultsScratch("cli-json");
  try {
    const args = ["--json", "--results-dir", dir, "--start-date", "2019-01-01", "--no-audit"];
    const [a, b] = [
      await runTask("backtest", "backtest", args),
      await runTask("backtest", "backtest", args),
    ];
    assert.equal(a.code, 0, a.stderr);
    const [ra, rb] = [JSON.parse(a.stdout), JSON.parse(b.stdout)];
    delete ra.startedAt;
    delete rb.startedAt;
    assert.deepEqual(ra, rb);
    assert.equal(ra.period.start, "2019-01-02");
  } finally {
    await cleanup();
  }
});

Deno.test("backtest runs sma-cross on a CSV file directly with --param", async () => {
  const { dir, cleanup } = await resultsScratch("cli-csv");
  try {
    const run = await runTask("backtest", "backtest", [
      "--csv",
      "fixtures/market/QQQ.csv",
      "--strategy",
      "sma-cross",
      "--param",
      "period=20",
      "--param",
      "size=50",
      "--prices",
      "raw",
      "--results-dir",
      dir,
      "--json",
    ]);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.equal(result.strategy, "sma-cross");
    assert.deepEqual(result.config.strategy.params, { period: 20, size: 50 });
    assert.ok(result.fills.every((f: { size: number }) => f.size === 50));
  } finally {
    await cleanup();
  }
});

Deno.test("backtest loads a strategy from a file", async () => {
  const { dir, cleanup } = await resultsScratch("cli-file");
  try {
    const file = join(dir, "buy_and_hold.ts");
    await Deno.writeTextFile(
      join(REPO, file),
      `import { defineStrategy } from "${REPO}mod.ts";
export default defineStrategy({
  name: "buy-and-hold",
  params: { ticker: { type: "string", default: "SPY" } },
  create: (p) => ({
    name: "buy-and-hold",
    onDay: (ctx) => ctx.account.shares(p.ticker) === 0 && ctx.account.pendingOrders === 0
      ? { targets: { [p.ticker]: 0.99 } }
      : undefined,
  }),
});
`,
    );
    const run = await runTask("backtest", "backtest", [
      "--strategy",
      file,
      "--param",
      "ticker=TLT",
      "--results-dir",
      dir,
      "--json",
    ]);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.equal(result.strategy, "buy-and-hold");
    assert.deepEqual(result.holdings.map((h: { ticker: string }) => h.ticker), ["TLT"]);
  } finally {
    await cleanup();
  }
});

Deno.test("backtest runs the named benchmarks beside the strategy, the first for beta and alpha", async () => {
  const { dir, cleanup } = await resultsScratch("cli-benchmarks");
  try {
    const args = ["--strategy", "equal-weight", "--no-audit", "--results-dir", dir];
    const named = ["--benchmark", "QQQ,60/40:SPY,TLT,equal-weight"];
    const run = await runTask("backtest", "backtest", [...args, ...named, "--json"]);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.equal(result.version, 2);
    assert.deepEqual(
      result.benchmarks.map((b: { name: string }) => b.name),
      ["QQQ", "60/40:SPY,TLT", "equal-weight"],
    );
    // equal-weight is the strategy itself here: the same broker and costs give the same curve.
    assert.deepEqual(result.benchmarks[2].value, result.equity.value);
    assert.equal(result.benchmarks[2].metrics.sharpe, result.metrics.sharpe);
    const summary = await runTask("backtest", "backtest", [...args, ...named, "--no-report"]);
    assert.match(summary.stdout, /strategy\s+QQQ\s+60\/40:SPY,TLT\s+equal-weight/);
    assert.match(summary.stdout, /Beta \(vs QQQ\)/);
  } finally {
    await cleanup();
  }
});

Deno.test("backtest by default runs SPY and 60/40:SPY,TLT, and says what the data cannot form", async () => {
  const { dir, cleanup } = await resultsScratch("cli-default-benchmarks");
  try {
    const args = ["--strategy", "equal-weight", "--no-audit", "--no-report", "--results-dir", dir];
    const full = await runTask("backtest", "backtest", [...args, "--json"]);
    assert.equal(full.code, 0, full.stderr);
    const result = JSON.parse(full.stdout);
    assert.deepEqual(
      result.benchmarks.map((b: { name: string }) => b.name),
      ["SPY", "60/40:SPY,TLT"],
    );
    assert.deepEqual(result.benchmarkNotes, []);
    const partial = await runTask("backtest", "backtest", [...args, "--tickers", "SPY,QQQ"]);
    assert.equal(partial.code, 0, partial.stderr);
    assert.match(partial.stdout, /benchmark 60\/40:SPY,TLT left out: TLT is not in the run's data/);
  } finally {
    await cleanup();
  }
});

const BAD_INPUTS: [string, string[], RegExp][] = [
  ["an unknown flag", ["--csah", "5"], /unknown flag --csah \(did you mean --cash\?\)/],
  ["a bad date", ["--start-date", "2020-02-30"], /run\.start: must be a date as YYYY-MM-DD/],
  ["a negative cash", ["--cash=-1"], /run\.cash: must be > 0, got -1/],
  ["an unknown ticker", ["--tickers", "SPY,NOPE"], /no prices for ticker NOPE/],
  ["an empty range", ["--start-date", "2030-01-01"], /no trading day between 2030-01-01/],
  ["an unknown strategy", ["--strategy", "moon"], /unknown strategy "moon"/],
  ["an unknown bucket", ["--buckets", "Moon Assets"], /unknown bucket "Moon Assets"/],
  [
    "a benchmark naming a ticker not in the data",
    ["--benchmark", "SPY,60/40:SPY,NOPE"],
    /run\.benchmark: "60\/40:SPY,NOPE": unknown ticker NOPE/,
  ],
  ["a benchmark mix short of tickers", ["--benchmark", "60/40:SPY"], /2 weights need 2 tickers/],
  [
    "a bucket limit below the position cap",
    ["--max-single", "0.5"],
    /sizing\.maxBucketWeight: must be >= sizing\.maxSingle/,
  ],
  ["a bad strategy param", ["--strategy", "sma-cross", "--param", "period=abc"], /period/],
  ["a missing CSV", ["--csv", "nowhere.csv"], /nowhere\.csv: no such CSV file/],
  [
    "a missing bucket file",
    ["--buckets-file", "nowhere.yaml"],
    /bucket file nowhere\.yaml: not found/,
  ],
  [
    "an unknown fallback bucket",
    ["--fallback-bucket", "Bonds"],
    /fallback\.bucket: unknown bucket "Bonds"/,
  ],
  [
    "a missing config file",
    ["--config", "nowhere.yaml"],
    /config file nowhere\.yaml: cannot be read/,
  ],
];

for (const [what, args, message] of BAD_INPUTS) {
  Deno.test(`backtest refuses ${what} with exit 2, one message, nothing written`, async () => {
    const { dir, cleanup } = await resultsScratch("cli-bad");
    try {
      const run = await runTask("backtest", "backtest", [...args, "--results-dir", dir]);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, "");
      assert.deepEqual(await listFiles(dir), []);
    } finally {
      await cleanup();
    }
  });
}

Deno.test("backtest refuses a malformed CSV naming the file and the line", async () => {
  const { dir, cleanup } = await resultsScratch("cli-badcsv");
  try {
    const csv = join(dir, "BAD.csv");
    await Deno.writeTextFile(
      join(REPO, csv),
      "Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-02,10,11,9,10,10,100\n2020-01-03,10,9,9,10,10,100\n",
    );
    const run = await runTask("backtest", "backtest", [
      "--csv",
      csv,
      "--results-dir",
      join(dir, "out"),
    ]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /BAD\.csv/);
    assert.match(run.stderr, /line 3|row 2/);
    assert.deepEqual(await listFiles(join(dir, "out")), []);
  } finally {
    await cleanup();
  }
});

Deno.test("backtest --save-config writes a config that loads back to the same run", async () => {
  const { dir, cleanup } = await resultsScratch("cli-save");
  try {
    const saved = join(dir, "run.yaml");
    const first = await runTask("backtest", "backtest", [
      "--strategy",
      "equal-weight",
      "--cash",
      "50000",
      "--start-date",
      "2020-01-02",
      "--save-config",
      saved,
      "--results-dir",
      dir,
      "--json",
    ]);
    assert.equal(first.code, 0, first.stderr);
    const again = await runTask("backtest", "backtest", ["--config", saved, "--json"]);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(JSON.parse(again.stdout).configHash, JSON.parse(first.stdout).configHash);
    assert.equal(JSON.parse(again.stdout).finalValue, JSON.parse(first.stdout).finalValue);
  } finally {
    await cleanup();
  }
});

Deno.test("backtest may not write outside its results folder", async () => {
  const run = await runTask("backtest", "backtest", ["--results-dir", "/tmp/elsewhere-results"]);
  assert.equal(run.code, 2);
  assert.match(
    run.stderr,
    /folder \/tmp\/elsewhere-results\/\S+: this task's permission set does not let it write there/,
  );
  assert.match(run.stderr, /hint: `deno task backtest` writes only under \.\/results/);
});

Deno.test("backtest --save-config outside the results folder exits 2 before writing any result", async () => {
  const { dir, cleanup } = await resultsScratch("cli-save-outside");
  try {
    const run = await runTask("backtest", "backtest", [
      "--save-config",
      "/tmp/elsewhere/run.yaml",
      "--results-dir",
      dir,
    ]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(
      run.stderr,
      /folder \/tmp\/elsewhere: this task's permission set does not let it write/,
    );
    assert.deepEqual(await listFiles(dir), []);
  } finally {
    await cleanup();
  }
});
