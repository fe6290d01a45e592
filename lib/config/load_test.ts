import assert from "node:assert/strict";
import { InputError } from "../errors.ts";
import { mergeLayers, parseConfigText, stringifyConfig, validateConfig } from "./load.ts";
import { hashOf } from "./hash.ts";

Deno.test("validateConfig() fills every default from the schema", () => {
  const c = validateConfig({});
  assert.equal(c.run.cash, 100_000);
  assert.equal(c.broker.fill, "nextOpen");
  assert.equal(c.data.source, "fixtures");
  assert.ok(Object.isFrozen(c.broker));
});

Deno.test("validateConfig() lists every problem at once, each with its path and value", () => {
  let error: unknown;
  try {
    validateConfig(
      { broker: { slippageBps: 1500, slipageBps: 3 }, run: { cash: -5 }, strat: {} },
      "bad.yaml",
    );
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof InputError);
  assert.deepEqual([...error.problems].sort(), [
    'bad.yaml: broker.slipageBps: unknown key (did you mean "slippageBps"?)',
    "bad.yaml: broker.slippageBps: must be <= 1000, got 1500",
    "bad.yaml: run.cash: must be > 0, got -5",
    "bad.yaml: strat: unknown key",
  ]);
});

Deno.test("validateConfig() refuses an end date before the start date, naming run.end", () => {
  assert.throws(
    () => validateConfig({ run: { start: "2020-02-01", end: "2019-01-01" } }),
    /run\.end: must not be before run\.start \(2020-02-01\), got 2019-01-01/,
  );
});

Deno.test("validateConfig() refuses a date that is not on the calendar", () => {
  assert.throws(
    () => validateConfig({ run: { start: "2020-02-30" } }),
    /run\.start: must be a date/,
  );
});

Deno.test("validateConfig() explains a config file from another schema version", () => {
  assert.throws(
    () => validateConfig({ version: 0 }, "old.yaml"),
    /old\.yaml: version 0 is not supported/,
  );
  assert.throws(() => validateConfig({ version: 2 }, "new.yaml"), /newer engine/);
});

Deno.test("parseConfigText() reads YAML and JSON and names a malformed file", () => {
  assert.deepEqual(parseConfigText("run:\n  cash: 5\n", "a.yaml"), { run: { cash: 5 } });
  assert.deepEqual(parseConfigText('{"run":{"cash":5}}', "a.json"), { run: { cash: 5 } });
  assert.throws(() => parseConfigText("run: [1,\n", "bad.yaml"), /bad\.yaml: malformed YAML/);
  assert.throws(() => parseConfigText("{", "bad.json"), /bad\.json: malformed JSON/);
  assert.throws(() => parseConfigText("- 1\n- 2\n", "list.yaml"), /must hold a mapping/);
});

Deno.test("mergeLayers() lets later layers override key by key and replace lists", () => {
  assert.deepEqual(
    mergeLayers({ run: { cash: 1, benchmark: "SPY" }, data: { tickers: ["A", "B"] } }, {
      run: { cash: 2 },
      data: { tickers: ["C"] },
    }),
    { run: { cash: 2, benchmark: "SPY" }, data: { tickers: ["C"] } },
  );
});

Deno.test("a saved config loads back to the identical config and hash (YAML and JSON)", () => {
  const c = validateConfig({
    run: { cash: 5000, start: "2015-01-02" },
    strategy: { params: { period: 20 } },
  });
  for (const format of ["yaml", "json"] as const) {
    const text = stringifyConfig(c, format);
    const back = validateConfig(parseConfigText(text, `saved.${format}`));
    assert.deepEqual(back, c);
    assert.equal(hashOf(back), hashOf(c));
  }
});

Deno.test("hashOf() does not depend on key order", () => {
  assert.equal(hashOf({ a: 1, b: { c: 2, d: 3 } }), hashOf({ b: { d: 3, c: 2 }, a: 1 }));
  assert.notEqual(hashOf({ a: 1 }), hashOf({ a: 2 }));
});
