import assert from "node:assert/strict";
import { InputError } from "../errors.ts";
import { parseStrategyParams } from "./strategy_params.ts";

const specs = {
  ticker: { type: "string", default: "" },
  period: { type: "number", default: 15, integer: true, min: 1 },
  size: { type: "number", default: 10, min: 0 },
  short: { type: "boolean", default: false },
  frequency: { type: "choice", choices: ["daily", "weekly", "monthly"], default: "monthly" },
} as const;

Deno.test("parseStrategyParams() types command-line strings and fills defaults", () => {
  const p = parseStrategyParams("demo", specs, { period: "20", short: "yes", frequency: "weekly" });
  assert.deepEqual(p, { period: 20, short: true, frequency: "weekly", ticker: "", size: 10 });
});

Deno.test("parseStrategyParams() accepts typed values from a config file", () => {
  const p = parseStrategyParams("demo", specs, { period: 30, short: false, ticker: "SPY" });
  assert.equal(p.period, 30);
  assert.equal(p.short, false);
  assert.equal(p.ticker, "SPY");
});

Deno.test("parseStrategyParams() reports every unknown or malformed param in one InputError", () => {
  let error: unknown;
  try {
    parseStrategyParams("demo", specs, {
      periode: "20",
      period: "1.5",
      size: "ten",
      frequency: "yearly",
      short: "maybe",
    });
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof InputError);
  assert.deepEqual(error.problems, [
    "--param periode: strategy demo has no param periode (known: ticker, period, size, short, frequency)",
    "--param period=1.5: expected a whole number, got 1.5",
    '--param size=ten: expected a number, got "ten"',
    '--param frequency=yearly: expected one of daily, weekly, monthly, got "yearly"',
    '--param short=maybe: expected true or false, got "maybe"',
  ]);
});

Deno.test("parseStrategyParams() checks number bounds", () => {
  assert.throws(
    () => parseStrategyParams("demo", specs, { period: "0" }),
    /must be at least 1, got 0/,
  );
});
