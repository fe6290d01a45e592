import assert from "node:assert/strict";
import { provenanceTable, shownConfig, valueText } from "./show_config.ts";
import { resolveConfig } from "./resolve_config.ts";

const resolved = resolveConfig([
  { kind: "file", name: "a.yaml", values: { run: { cash: 5000 } } },
  { kind: "flags", name: "command line", values: { data: { tickers: ["SPY", "TLT"] } } },
]);

Deno.test("provenanceTable() lists each changed value with its source, aligned", () => {
  assert.deepEqual(provenanceTable(resolved.provenance, { changedOnly: true }), [
    "path          value    source",
    "run.cash      5000     file:a.yaml",
    "data.tickers  SPY,TLT  flag:--tickers",
  ]);
});

Deno.test("provenanceTable() shows every parameter by default, unset ones as -", () => {
  const lines = provenanceTable(resolved.provenance);
  assert.equal(lines.length, resolved.provenance.length + 1);
  assert.match(lines.find((l) => l.startsWith("run.start ")) ?? "", /^run\.start +- +default$/);
});

Deno.test("valueText() summarises long objects and joins lists", () => {
  assert.equal(valueText(["a", "b"]), "a,b");
  assert.equal(valueText({ type: "none" }), '{"type":"none"}');
  assert.equal(valueText(resolved.config.buckets.map), "{15 entries; --json shows all}");
});

Deno.test("shownConfig() pairs the config with a source for every path", () => {
  const shown = shownConfig(resolved);
  assert.equal(shown.config.run.cash, 5000);
  assert.equal(shown.sources["run.cash"], "file:a.yaml");
  assert.equal(shown.sources["broker.slippageBps"], "default");
});
