import assert from "node:assert/strict";
import { parseConfigFlags } from "./flags.ts";
import { listParams } from "./params.ts";

Deno.test("parseConfigFlags() turns flags into a nested config layer", () => {
  const { layer, extra } = parseConfigFlags(
    [
      "--cash",
      "5000",
      "--start-date",
      "2015-01-02",
      "--tickers",
      "SPY, TLT",
      "--param",
      "period=15",
      "--param",
      "fast=true",
      "--broker-fractional",
      "--broker-commission",
      "percent:0.001",
      "--json",
    ],
    { json: { type: "boolean" } },
  );
  assert.deepEqual(layer, {
    run: { cash: 5000, start: "2015-01-02" },
    data: { tickers: ["SPY", "TLT"] },
    strategy: { params: { period: 15, fast: true } },
    broker: { fractional: true, commission: { type: "percent", rate: 0.001 } },
  });
  assert.equal(extra.json, true);
});

Deno.test("parseConfigFlags() reads --no-FLAG as false", () => {
  assert.deepEqual(parseConfigFlags(["--no-broker-margin"]).layer, { broker: { margin: false } });
});

Deno.test("parseConfigFlags() names an unknown flag and suggests the closest", () => {
  assert.throws(
    () => parseConfigFlags(["--csah", "1"]),
    /unknown flag --csah \(did you mean --cash\?\)/,
  );
});

Deno.test("parseConfigFlags() names a flag whose value is not a number", () => {
  assert.throws(() => parseConfigFlags(["--cash", "lots"]), /--cash: must be a number, got "lots"/);
});

Deno.test("every parameter has a tier, a description and a unique flag", () => {
  const params = listParams();
  assert.ok(params.length > 10);
  const flags = new Set(params.map((p) => p.flag));
  assert.equal(flags.size, params.length);
  for (const p of params) assert.ok(p.description.length > 5, p.path);
});
