import assert from "node:assert/strict";
import { SqliteSweepStore } from "./sqlite_sweep_store.ts";
import { sweepReportData } from "./sweep_report_data.ts";
import { definitionOf, recordWith } from "./testdata/sweep_store_contract.ts";
import type { SweepDefinition } from "./sweep_store.ts";
import { sweepPage } from "./sweep_page.ts";
import { rankedTableLines, topRuns, writeRankedJson } from "./ranked_runs.ts";

/** Four runs over a 2 x 2 grid, Sharpe ratios by hand: (a, x) 1, (a, y) 2, (b, x) null, (b, y) 4. */
async function store2x2() {
  const store = SqliteSweepStore.open(":memory:");
  const cells: [string, string, number | null][] = [
    ["a", "x", 1],
    ["a", "y", 2],
    ["b", "x", null],
    ["b", "y", 4],
  ];
  const records = cells.map(([p, q, sharpe], i) => ({
    ...recordWith(`h${i}`, 0.5 + i / 10, sharpe, 0.1),
    params: { "sizing.weighting": p, "sizing.residual": q },
  }));
  const definition: SweepDefinition = {
    ...definitionOf("grid", "d", 4),
    parameters: [
      { path: "sizing.weighting", values: ["a", "b"] },
      { path: "sizing.residual", values: ["x", "y"] },
    ],
  };
  await store.begin(
    definition,
    records.map((r, position) => ({ position, params: r.params, configHash: r.configHash })),
  );
  await store.putCalendar(
    records[0]?.calendar.id ?? "",
    Array.from(
      { length: records[0]?.returns.length ?? 0 },
      (_, i) => `2024-01-${String(i + 1).padStart(2, "0")}`,
    ),
  );
  for (const r of records) await store.put("grid", r);
  return { store, definition };
}

Deno.test("sweepReportData() aggregates the metric over each pair and each parameter (hand calculation)", async () => {
  const { store, definition } = await store2x2();
  try {
    const data = await sweepReportData(store, definition, "sharpe", { curves: 2, rows: 3 });
    // One pair (weighting across, residual down); cells row-major: (x,a) (x,b) (y,a) (y,b).
    assert.equal(data.heatmaps.length, 1);
    assert.deepEqual(data.heatmaps[0]?.best, [1, null, 2, 4]);
    assert.deepEqual(data.heatmaps[0]?.count, [1, 1, 1, 1]);
    // weighting a: runs 1 and 2 -> best 2, mean 1.5; b: null and 4 -> best 4, mean 4.
    assert.deepEqual(data.profiles[0], { best: [2, 4], mean: [1.5, 4], count: [2, 2] });
    assert.deepEqual(data.profiles[1], { best: [1, 4], mean: [1, 3], count: [2, 2] });
    assert.deepEqual(data.distribution.quartiles, [1, 1.5, 2, 3, 4]);
    assert.equal(data.distribution.missing, 1);
    assert.equal(data.distribution.bins.reduce((n, b) => n + b.count, 0), 3);
    assert.deepEqual(data.table.map((r) => r.configHash), ["h3", "h1", "h0"]);
    assert.deepEqual(data.top.map((t) => t.rank), [1, 2]);
    assert.equal(data.top[0]?.label, "weighting=b residual=y");
    assert.deepEqual([data.planned, data.stored], [4, 4]);
    const html = sweepPage(data);
    assert.match(html, /<select id="heatmap-x">/);
    assert.match(html, /id="chart-profile-1"/);
  } finally {
    await store.close();
  }
});

Deno.test("writeRankedJson() streams every run best first; topRuns() and the table take the first ones", async () => {
  const { store } = await store2x2();
  const dir = await Deno.makeTempDir({ prefix: "ranked_" });
  try {
    const path = `${dir}/ranked.json`;
    assert.equal(await writeRankedJson(path, store, "grid", "sharpe"), 4);
    const json = JSON.parse(await Deno.readTextFile(path));
    assert.equal(json.metric, "sharpe");
    assert.deepEqual(
      json.runs.map((r: { configHash: string; value: number | null }) => [r.configHash, r.value]),
      [
        ["h3", 4],
        ["h1", 2],
        ["h0", 1],
        ["h2", null],
      ],
    );
    const top = await topRuns(store, "grid", "sharpe", 2);
    const lines = rankedTableLines(top, ["sizing.weighting", "sizing.residual"], "sharpe");
    assert.equal(lines.length, 4);
    assert.match(lines[2] ?? "", /^1 +4\.000 +b +y /);
  } finally {
    await store.close();
    await Deno.remove(dir, { recursive: true });
  }
});
