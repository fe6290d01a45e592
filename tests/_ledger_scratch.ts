/**
 * A fresh folder for paper ledgers under data/portfolios/ (the only place the
 * plan task may write ledgers), removed by `cleanup`.
 *
 * @module
 */
import { join } from "node:path";
import { REPO } from "./_task.ts";

/** Makes `data/portfolios/<prefix>-XXXX/`; `dir` is relative to the repository. */
export async function ledgerScratch(
  prefix: string,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const root = join(REPO, "data", "portfolios");
  await Deno.mkdir(root, { recursive: true });
  const abs = await Deno.makeTempDir({ dir: root, prefix: `${prefix}-` });
  return { dir: abs.slice(REPO.length), cleanup: () => Deno.remove(abs, { recursive: true }) };
}
