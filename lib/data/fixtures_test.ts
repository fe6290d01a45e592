import assert from "node:assert/strict";
import { InputError } from "../errors.ts";
import { generateFixtureMarket } from "./fixture_market.ts";
import { fixtureFiles } from "./fixture_files.ts";
import { loadFixtures } from "./fixtures.ts";
import { splitsByTicker } from "./actions.ts";
import { parseIsoDay } from "./dates.ts";
import { Panel } from "./panel.ts";

const market = generateFixtureMarket();

/** Writes the generated files into a fresh temp folder, with `edit` applied to one of them. */
async function writeFixtures(
  edit?: { path: string; change: (text: string) => string },
): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "fixtures_test_" });
  for (const [path, text] of fixtureFiles(market)) {
    await Deno.mkdir(`${dir}/${path.split("/").slice(0, -1).join("/")}`, { recursive: true });
    await Deno.writeTextFile(`${dir}/${path}`, edit?.path === path ? edit.change(text) : text);
  }
  return dir;
}

Deno.test("loadFixtures() reads back exactly what the generator made", async () => {
  const fx = await loadFixtures();
  assert.deepEqual(fx.series, market.series);
  assert.deepEqual(fx.intraday.map((s) => s.ticker), ["QQQ", "SPY", "TLT"]);
  for (const s of fx.intraday) {
    assert.deepEqual(
      s,
      market.intraday.find((m) => m.ticker === s.ticker),
    );
  }
  assert.deepEqual(
    fx.actions,
    market.actions.map(({ date, ...a }) => ({
      ticker: a.ticker,
      day: parseIsoDay(date),
      dividend: a.dividend,
      split: a.split,
    })),
  );
  assert.deepEqual(fx.regimes, market.regimes);
  assert.deepEqual(fx.universe, market.universe);
  assert.deepEqual(fx.fundamentals, market.fundamentals);
});

Deno.test("loadFixtures() takes a folder path as text", async () => {
  const dir = await writeFixtures();
  try {
    const fx = await loadFixtures(`${dir}/`);
    assert.equal(fx.series.length, market.series.length);
    assert.deepEqual(fx.series[0], market.series[0]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loadFixtures() names the file and row of a malformed number", async () => {
  const dir = await writeFixtures({
    path: "market/TLT.csv",
    change: (text) => text.replace(/\n(\d{4}-\d{2}-\d{2}),[^,]+,/, "\n$1,abc,"),
  });
  try {
    await assert.rejects(loadFixtures(dir), (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.equal(error.message, `${dir}/market/TLT.csv row 2: Open "abc" is not a number`);
      return true;
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loadFixtures() rejects a file whose header is not the fixture format", async () => {
  const dir = await writeFixtures({
    path: "regimes.csv",
    change: (t) => t.replace("Regime", "Label"),
  });
  try {
    await assert.rejects(loadFixtures(dir), InputError, "regimes.csv row 1");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("splitsByTicker() feeds AAPL's 4-for-1 split to a raw-price Panel on its ex-date", async () => {
  const splits = splitsByTicker((await loadFixtures()).actions);
  assert.deepEqual(splits, { AAPL: [{ date: "2020-08-31", ratio: 4 }] });
  const panel = Panel.fromSeries(market.series, { prices: "raw", splits });
  const t = panel.indexOnOrAfter("2020-08-31");
  assert.deepEqual(panel.splits[panel.indexOf("AAPL")], [{ t, ratio: 4 }]);
});
