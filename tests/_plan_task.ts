/**
 * Running `deno task plan` in tests: a fresh folder for ledgers under
 * data/portfolios/ (the only place the plan task may keep them), the flags
 * that point a plan at a scratch store, ledger folder and results folder, and
 * a ledger's contents read back in the test's process.
 *
 * @module
 */
import { join } from "node:path";
import type { LedgerContents } from "../lib/live/ledger.ts";
import { openSqliteLedger } from "../lib/live/sqlite_ledger.ts";
import { REPO } from "./_task.ts";

/** Where a test's plans read and write (paths relative to the repository). */
export type PlanPlaces = {
  readonly store: string;
  readonly ledger: string;
  readonly results: string;
};

/** Makes `data/portfolios/<prefix>-XXXX/`; `dir` is relative to the repository. */
export async function ledgerScratch(
  prefix: string,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const root = join(REPO, "data", "portfolios");
  await Deno.mkdir(root, { recursive: true });
  const abs = await Deno.makeTempDir({ dir: root, prefix: `${prefix}-` });
  return { dir: abs.slice(REPO.length), cleanup: () => Deno.remove(abs, { recursive: true }) };
}

/** The plan's flags for `places`, then `args` (which may override them). */
export function planArgs(places: PlanPlaces, args: readonly string[]): string[] {
  return [
    "--store",
    places.store,
    "--ledger-dir",
    places.ledger,
    "--results-dir",
    places.results,
    ...args,
  ];
}

/** What portfolio `name`'s ledger in `places` holds now. */
export async function ledgerContents(places: PlanPlaces, name: string): Promise<LedgerContents> {
  const ledger = openSqliteLedger(join(REPO, places.ledger), name);
  try {
    return await ledger.read();
  } finally {
    await ledger.close();
  }
}
