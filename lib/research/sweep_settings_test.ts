import assert from "node:assert/strict";
import { DEFAULT_SEED, sweepSettings } from "./sweep_settings.ts";
import type { GridFile } from "./grid_file.ts";

const grid: GridFile = { path: "grids/My Grid.yaml", parameters: { "sizing.minScore": [0.6] } };

Deno.test("sweepSettings() takes the flag over the grid file over the default", () => {
  const plain = sweepSettings({}, grid, 2);
  assert.deepEqual(plain, {
    name: "my-grid",
    random: undefined,
    metric: "sharpe",
    workers: 2,
    top: 10,
    postgres: false,
    schema: "sweep",
  });
  const filed = sweepSettings(
    {},
    { ...grid, name: "g", random: { count: 5 }, metric: "calmar" },
    2,
  );
  assert.deepEqual([filed.name, filed.random, filed.metric], [
    "g",
    { count: 5, seed: DEFAULT_SEED },
    "calmar",
  ]);
  const flagged = sweepSettings(
    {
      name: "n",
      random: "7",
      seed: "9",
      metric: "sortino",
      workers: "0",
      top: "3",
      postgres: true,
      schema: "s",
    },
    { ...grid, name: "g", random: { count: 5, seed: 1 } },
    2,
  );
  assert.deepEqual(flagged, {
    name: "n",
    random: { count: 7, seed: 9 },
    metric: "sortino",
    workers: 0,
    top: 3,
    postgres: true,
    schema: "s",
  });
});

Deno.test("sweepSettings() names the flag and the value of each bad one", () => {
  const bad: [Record<string, string>, RegExp][] = [
    [{ metric: "sharp" }, /--metric: unknown metric "sharp" \(did you mean "sharpe"\?\)/],
    [{ seed: "3" }, /--seed: only a random search takes a seed: add --random N/],
    [{ workers: "two" }, /--workers: must be a whole number >= 0, got "two"/],
    [{ workers: "-1" }, /--workers: must be a whole number >= 0, got "-1"/],
    [{ random: "0" }, /--random: must be a whole number >= 1, got "0"/],
    [{ top: "1.5" }, /--top: must be a whole number >= 1, got "1.5"/],
    [{ name: "../x" }, /--name: must be lower-case letters/],
  ];
  for (const [flags, message] of bad) assert.throws(() => sweepSettings(flags, grid, 2), message);
});
