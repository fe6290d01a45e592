/**
 * Why a run sits in cash, end to end: the warning for tickers in no bucket, a
 * bucket file that puts them in buckets (and one that is refused), and
 * `deno task audit exposure` reading the run's cash attribution back.
 *
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { listFiles, REPO, resultsScratch, runTask } from "./_task.ts";

/** A CSV folder with some fixture tickers (enough for the regime proxies) and ZZZ, a copy of QQQ that no bucket holds. */
async function market(dir: string): Promise<string> {
  const folder = join(dir, "market");
  await Deno.mkdir(join(REPO, folder), { recursive: true });
  for (const ticker of ["SPY", "TLT", "IEF", "TIP", "GLD", "XLE", "DBC", "AGG"]) {
    await Deno.copyFile(
      join(REPO, "fixtures/market", `${ticker}.csv`),
      join(REPO, folder, `${ticker}.csv`),
    );
  }
  await Deno.copyFile(join(REPO, "fixtures/market/QQQ.csv"), join(REPO, folder, "ZZZ.csv"));
  return folder;
}

const BASE = ["--start-date", "2016-01-01", "--end-date", "2017-12-31", "--no-report"];

Deno.test("a ticker in no bucket is named in a warning; a bucket file puts it in buckets by sector", async () => {
  const { dir, cleanup } = await resultsScratch("cash-file");
  try {
    const csv = await market(dir);
    const plain = await runTask("backtest", "backtest", [
      "--csv",
      csv,
      ...BASE,
      "--results-dir",
      dir,
    ]);
    assert.equal(plain.code, 0, plain.stderr);
    assert.match(
      plain.stdout,
      /warning: 1 ticker in no bucket, never bought: ZZZ \(put them in buckets with buckets\.file\)/,
    );
    assert.match(
      plain.stdout,
      /^cash: rebalances invest \d+\.\d% on average( \(\d+\.\d% of it in the fallback bucket\))?; un-invested /m,
    );

    // `audit exposure` reads the same run back from its audit log.
    const store = join(dir, (await listFiles(dir)).find((f) => f.endsWith("audit.db")) ?? "");
    const exposure = await runTask("audit", "audit", ["exposure", "--json", "--store", store]);
    assert.equal(exposure.code, 0, exposure.stderr);
    const report = JSON.parse(exposure.stdout);
    assert.deepEqual(report.unbucketed, ["ZZZ"]);
    assert.ok(report.summary.rebalances > 50);
    for (const r of report.rebalances) {
      const total = Object.values(r.causes as Record<string, number>).reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(total - r.uninvested) < 1e-5, `${r.date}: ${total} vs ${r.uninvested}`);
    }
    const text = await runTask("audit", "audit", ["exposure", "--store", store]);
    assert.match(text.stdout, /rebalances, 2016-01-0\d to 2017-12-2\d/);
    assert.match(text.stdout, /tickers in no bucket \(buckets\.map, buckets\.file\)/);

    const file = join(dir, "mine.csv");
    await Deno.writeTextFile(join(REPO, file), "ticker,sector\nZZZ,Information Technology\n");
    const mapped = await runTask("backtest", "backtest", [
      "--csv",
      csv,
      ...BASE,
      "--buckets-file",
      file,
      "--results-dir",
      dir,
      "--json",
    ]);
    assert.equal(mapped.code, 0, mapped.stderr);
    const result = JSON.parse(mapped.stdout);
    assert.deepEqual(result.unbucketed, []);
    assert.ok(result.config.buckets.map["Growth Assets"].includes("ZZZ"));
    assert.ok(result.config.buckets.map["Risk Assets"].includes("ZZZ"));
    assert.ok(result.fills.some((f: { ticker: string }) => f.ticker === "ZZZ"), "ZZZ is bought");
  } finally {
    await cleanup();
  }
});

Deno.test("a bucket file naming an unknown bucket is refused with exit 2, its line, nothing written", async () => {
  const { dir, cleanup } = await resultsScratch("cash-bad");
  try {
    const file = join(dir, "bad.yaml");
    await Deno.writeTextFile(join(REPO, file), "tickers:\n  ZZZ: [Growth Asset]\n");
    const run = await runTask("backtest", "backtest", [
      "--buckets-file",
      file,
      "--results-dir",
      join(dir, "out"),
    ]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(
      run.stderr,
      /bad\.yaml line 2: ZZZ: unknown bucket "Growth Asset" \(did you mean "Growth Assets"\?\)/,
    );
    assert.deepEqual(await listFiles(join(dir, "out")), []);
  } finally {
    await cleanup();
  }
});
