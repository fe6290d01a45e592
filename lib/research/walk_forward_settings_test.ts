import assert from "node:assert/strict";
import { InputError } from "../errors.ts";
import { walkForwardSettings } from "./walk_forward_settings.ts";

const GRID = { path: "grids/Sizing Grid.yaml", parameters: { "sizing.minScore": [0.6, 0.7] } };

Deno.test("walkForwardSettings() defaults to the issue's 3y/1y rolling windows, named after the grid and the windows", () => {
  const s = walkForwardSettings({}, GRID, 2);
  assert.deepEqual([s.train.text, s.test.text, s.anchored], ["3y", "1y", false]);
  assert.equal(s.name, "sizing-grid-3y-1y");
  assert.equal(s.workers, 2);
  assert.equal(s.random, undefined);
  const named = walkForwardSettings({ name: "mine", train: "126d", test: "6m" }, GRID, 2);
  assert.equal(named.name, "mine", "--name is taken as it is");
  assert.equal(named.storeName, "walkforward.mine");
  const random = walkForwardSettings({}, { ...GRID, random: { count: 5, seed: 3 } }, 2);
  assert.deepEqual(random.random, { count: 5, seed: 3 });
});

Deno.test("walkForwardSettings() refuses a bad duration, a metric no winner is chosen by, a bad name", () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ train: "0y" }, /--train: "0y" is out of range/],
    [{ test: "1q" }, /--test: "1q" is not a duration/],
    [{ metric: "winRate" }, /--metric: a walk-forward chooses its winners by sharpe, sortino/],
    [{ name: "Bad Name" }, /--name: must be lower-case/],
    [{ seed: "4" }, /--seed: only a random search takes a seed/],
  ];
  for (const [flags, message] of cases) {
    assert.throws(() => walkForwardSettings(flags, GRID, 2), InputError);
    assert.throws(() => walkForwardSettings(flags, GRID, 2), message);
  }
  assert.throws(
    () => walkForwardSettings({}, { ...GRID, metric: "turnover" }, 2),
    /--metric: .* got "turnover"/,
  );
});
