import assert from "node:assert/strict";
import { declaredVersion, ECHARTS_LIBRARY, ECHARTS_VERSION } from "./echarts_library.ts";

Deno.test("the inlined ECharts is the version pinned in deno.json", async () => {
  assert.equal(declaredVersion(ECHARTS_LIBRARY), ECHARTS_VERSION);
  const config = JSON.parse(await Deno.readTextFile(new URL("../../deno.json", import.meta.url)));
  assert.equal(config.imports.echarts, `npm:echarts@${ECHARTS_VERSION}`);
});

Deno.test("declaredVersion() reads ECharts' namespace version, not zrender's object key", () => {
  assert.equal(declaredVersion(`x={version:"9.9.9"};t.version="6.1.0",t.zr=1`), "6.1.0");
  assert.equal(declaredVersion("no version here"), null);
});
