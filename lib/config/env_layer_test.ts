import assert from "node:assert/strict";
import { InputError } from "../errors.ts";
import { envLayer, envVariables } from "./env_layer.ts";
import { envName } from "./params.ts";

const envOf = (vars: Record<string, string>) => (name: string) => vars[name];

Deno.test("envName() is ENGINE_ and the config path in upper snake case", () => {
  assert.equal(envName("run.cash"), "ENGINE_RUN_CASH");
  assert.equal(envName("sizing.maxSingle"), "ENGINE_SIZING_MAX_SINGLE");
  assert.equal(envName("preset"), "ENGINE_PRESET");
});

Deno.test("envVariables() names one distinct ENGINE_ variable per parameter", () => {
  const names = envVariables();
  assert.ok(names.length > 50);
  assert.equal(new Set(names).size, names.length);
  for (const name of names) assert.match(name, /^ENGINE_[A-Z0-9_]+$/);
});

Deno.test("envLayer() reads numbers, booleans, lists and key=value maps as the flags do", () => {
  const layer = envLayer(envOf({
    ENGINE_RUN_CASH: "50000",
    ENGINE_BROKER_FRACTIONAL: "true",
    ENGINE_PROTECTION_WHIPSAW: "0",
    ENGINE_DATA_TICKERS: "SPY, TLT",
    ENGINE_STRATEGY_PARAMS: "period=20,fast=true",
    ENGINE_PRESET: "aggressive",
    ENGINE_RUN_END: "",
    HOME: "/root",
  }));
  assert.deepEqual(layer, {
    preset: "aggressive",
    run: { cash: 50000 },
    data: { tickers: ["SPY", "TLT"] },
    strategy: { params: { period: 20, fast: true } },
    broker: { fractional: true },
    protection: { whipsaw: false },
  });
});

Deno.test("envLayer() names every bad variable at once", () => {
  let error: unknown;
  try {
    envLayer(envOf({ ENGINE_RUN_CASH: "lots", ENGINE_BROKER_MARGIN: "maybe" }));
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof InputError);
  assert.deepEqual(error.problems, [
    'ENGINE_RUN_CASH: run.cash: must be a number, got "lots"',
    'ENGINE_BROKER_MARGIN: broker.margin: must be true or false, got "maybe"',
  ]);
});
