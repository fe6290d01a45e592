/**
 * The code version recorded with every run: the package version from
 * deno.json, plus the git commit when the checkout's `.git` can be read.
 *
 * @module
 */
import denoJson from "../../deno.json" with { type: "json" };

/** `0.1.0+abc1234` (or just the version where git metadata is unreadable). */
export async function codeVersion(
  repoRoot: URL = new URL("../../", import.meta.url),
): Promise<string> {
  const version = denoJson.version;
  try {
    const head = (await Deno.readTextFile(new URL(".git/HEAD", repoRoot))).trim();
    const ref = /^ref: (.+)$/.exec(head)?.[1];
    const sha = ref ? (await Deno.readTextFile(new URL(`.git/${ref}`, repoRoot))).trim() : head;
    return /^[0-9a-f]{7,}$/.test(sha) ? `${version}+${sha.slice(0, 7)}` : version;
  } catch {
    return version;
  }
}
