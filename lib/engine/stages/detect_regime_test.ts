import assert from "node:assert/strict";
import { flat, testPanel } from "../_test_panel.ts";
import type { RebalanceBase } from "./context.ts";
import { detectRegime } from "./detect_regime.ts";
import { testRegime } from "./_test_inputs.ts";

const panel = testPanel({ SPY: [flat(100), flat(101), flat(102)] });
const base = (t: number): RebalanceBase => ({
  t,
  date: panel.dateAt(t),
  view: panel.view(t),
  weights: {},
  held: [],
});

Deno.test("detectRegime() adds the source's regime of day t", () => {
  const asked: number[] = [];
  const goldilocks = testRegime("Goldilocks", ["Growth Assets"]);
  const stage = detectRegime({
    atIndex: (t) => {
      asked.push(t);
      return goldilocks;
    },
  });
  assert.equal(stage.name, "detect_regime");
  assert.deepEqual(stage.run(base(2)), { regime: goldilocks });
  assert.deepEqual(asked, [2], "reads day t only");
});

Deno.test("detectRegime() skips with a reason while the regime is warming up", () => {
  const stage = detectRegime({ atIndex: () => testRegime(null, []) });
  assert.deepEqual(stage.run(base(0)), {
    skip: true,
    stage: "detect_regime",
    reason: "regime warming up: not enough history to read growth and inflation",
  });
});
