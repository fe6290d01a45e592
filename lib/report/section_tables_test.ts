import assert from "node:assert/strict";
import { regimeBand } from "./regime_band.ts";
import { holdingsTableHtml, runInfoHtml, transitionsTableHtml } from "./section_tables.ts";
import { HOSTILE, syntheticRunResult } from "./testdata/synthetic_run_result.ts";

Deno.test("runInfoHtml() shows the hashes and the config as escaped JSON", () => {
  const result = syntheticRunResult({ assets: 3, days: 30, hostileNames: true });
  const html = runInfoHtml(result);
  assert.ok(html.includes(result.configHash) && html.includes(result.dataHash));
  assert.ok(!html.includes(HOSTILE));
  assert.ok(html.includes("&lt;/script&gt;&lt;script&gt;window.__pwned=1"));
});

Deno.test("holdingsTableHtml() lists the largest holdings and says how many there are", () => {
  const result = syntheticRunResult({ assets: 80, days: 30 });
  const html = holdingsTableHtml(result.holdings, 10);
  assert.match(html, /The 10 largest of 60 holdings\./);
  assert.equal(html.match(/<tr>/g)?.length, 11);
  assert.match(holdingsTableHtml([], 10), /No holdings/);
});

Deno.test("transitionsTableHtml() counts transitions by severity and lists the most recent first", () => {
  const result = syntheticRunResult({ assets: 3, days: 3000 });
  const path = result.regimes;
  assert.ok(path !== null);
  const html = transitionsTableHtml(regimeBand(path));
  const count = (s: string) => path.transitions.filter((t) => t.severity === s).length;
  assert.ok(
    html.includes(
      `${path.transitions.length} transitions (${count("minor")} minor, ${count("major")} major, ${
        count("critical")
      } critical)`,
    ),
  );
  const last = path.transitions.at(-1);
  assert.ok(
    last !== undefined && html.indexOf(last.date) < html.indexOf(path.transitions[0]?.date ?? "?"),
  );
});
