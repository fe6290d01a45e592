import assert from "node:assert/strict";
import { AccessRefused } from "../errors.ts";
import { accessHint, denoFlagProblem, type Invocation } from "./access_hint.ts";

const scan: Invocation = {
  task: "scan",
  set: "scan",
  script: "scripts/scan.ts",
  args: ["--csv=../prices/market", "--buckets", "Risk Assets"],
  reads: ["."],
  writes: [],
};

Deno.test("accessHint() offers the widened run and the ingest route for a CSV folder, quoting for the shell", () => {
  const lines = accessHint(
    new AccessRefused("CSV file or folder", "../prices/market", "read"),
    scan,
  );
  assert.deepEqual(lines.filter((l) => l.startsWith("  ")), [
    "  deno run -P=scan --allow-read=.,../prices scripts/scan.ts --csv=../prices/market --buckets 'Risk Assets'",
    "  deno task ingest --source csv --path ../prices/market",
    "  deno task scan --source store --buckets 'Risk Assets'",
  ]);
});

Deno.test("accessHint() never widens writes: it names where the task may write", () => {
  const report = { ...scan, task: "report", set: "report", writes: ["./results"] };
  assert.deepEqual(accessHint(new AccessRefused("report", "/tmp/r.html", "write"), report), [
    '`deno task report` writes only under ./results (permission set "report" in deno.json): give a path there.',
  ]);
  assert.match(
    accessHint(new AccessRefused("folder", "/tmp", "write"), scan)[0] ?? "",
    /writes nowhere/,
  );
});

Deno.test("denoFlagProblem() moves --allow-read before the script, merged with the set's reads", () => {
  const invocation = { ...scan, args: ["--date", "2020-06-30", "--allow-read=../prices"] };
  const lines = denoFlagProblem(invocation) ?? [];
  assert.match(
    lines[0] ?? "",
    /^--allow-read=\.\.\/prices: `deno task scan` hands this to the script/,
  );
  assert.equal(
    lines.at(-1),
    "  deno run -P=scan --allow-read=.,../prices scripts/scan.ts --date 2020-06-30",
  );
  const net = denoFlagProblem({ ...scan, args: ["--allow-net"] }) ?? [];
  assert.match(net.join("\n"), /Only reads may be widened for one run/);
  assert.equal(denoFlagProblem({ ...scan, args: ["--date", "2020-06-30"] }), undefined);
});
