import assert from "node:assert/strict";
import { ServiceCache } from "./service_cache.ts";

type Input = {
  readonly sizing: { readonly maxSingle: number };
  readonly data: { readonly prices: string };
};
const input = (maxSingle: number, prices = "adjusted"): Input => ({
  sizing: { maxSingle },
  data: { prices },
});

Deno.test("ServiceCache.use() reuses a service while the paths its builder read keep their values", () => {
  const cache = new ServiceCache();
  let builds = 0;
  const panel = (i: Input) =>
    cache.use("panel", i, [], (v) => (builds++, `panel:${v.data.prices}`));
  assert.equal(panel(input(0.1)), "panel:adjusted");
  assert.equal(panel(input(0.2)), "panel:adjusted");
  assert.equal(builds, 1);
  assert.equal(panel(input(0.2, "raw")), "panel:raw");
  assert.equal(builds, 2);
  assert.equal(panel(input(0.3)), "panel:adjusted"); // the first entry is still there
  assert.equal(builds, 2);
});

Deno.test("ServiceCache.use() keys by the identity of the objects passed as well", () => {
  const cache = new ServiceCache();
  const a = {}, b = {};
  let builds = 0;
  const scans = (market: object) => cache.use("scans", {}, [market], () => ++builds);
  assert.equal(scans(a), 1);
  assert.equal(scans(a), 1);
  assert.equal(scans(b), 2);
});

Deno.test("ServiceCache keeps at most maxEntries entries per service, the most recently used", () => {
  const cache = new ServiceCache({ maxEntries: 2 });
  let builds = 0;
  const get = (prices: string) =>
    cache.use("panel", input(0.1, prices), [], (v) => (builds++, v.data.prices));
  get("a"), get("b"), get("a"), get("c"); // "b" is the least recently used when "c" comes
  assert.equal(builds, 3);
  get("a");
  assert.equal(builds, 3);
  get("b");
  assert.equal(builds, 4);
  assert.deepEqual(cache.stats().panel, { builds: 4, hits: 2 });
  assert.throws(() => new ServiceCache({ maxEntries: 0 }), /maxEntries must be a positive integer/);
});

Deno.test("ServiceCache.useAsync() stores the resolved value, and a failed build stores nothing", async () => {
  const cache = new ServiceCache();
  await assert.rejects(
    cache.useAsync(
      "market",
      input(0.1),
      [],
      (v) => Promise.reject(new Error(`no ${v.data.prices}`)),
    ),
    /no adjusted/,
  );
  let builds = 0;
  const get = () =>
    cache.useAsync("market", input(0.1), [], (v) => Promise.resolve((builds++, v.data.prices)));
  assert.equal(await get(), "adjusted");
  assert.equal(await get(), "adjusted");
  assert.equal(builds, 1);
});

Deno.test("ServiceCache refuses a builder that reads its input after it returned", () => {
  const cache = new ServiceCache();
  const lazy = cache.use("lazy", input(0.1), [], (v) => () => v.sizing.maxSingle);
  assert.throws(() => lazy(), /after it was built/);
});
