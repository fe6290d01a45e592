/**
 * The gate in front of `audit sql`: one statement, starting with SELECT, WITH
 * or EXPLAIN. It gives a clear message early; the hard guarantee is the
 * read-only connection (SQLite `readOnly` / `query_only`, PostgreSQL
 * `READ ONLY` transaction) the statement then runs on.
 *
 * @module
 */
import { InputError } from "../errors.ts";

const ALLOWED = new Set(["SELECT", "WITH", "EXPLAIN"]);

/** The text with comments and string/identifier literals blanked, for keyword checks. */
function _code(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === "-" && next === "-") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
      out += " ";
    } else if (c === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 2;
      out += " ";
    } else if (c === "'" || c === '"' || c === "`" || c === "[") {
      const close = c === "[" ? "]" : c;
      let j = i + 1;
      while (j < text.length) {
        if (text[j] === close) {
          if (close !== "]" && text[j + 1] === close) j += 2;
          else break;
        } else j++;
      }
      i = j + 1;
      out += " _ ";
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * Throws an {@link InputError} unless `text` is a single SELECT, WITH or
 * EXPLAIN statement; returns it without a trailing semicolon.
 */
export function readOnlyStatement(text: string): string {
  const code = _code(text).trim().replace(/;\s*$/, "");
  if (code === "") throw new InputError("sql: the statement is empty");
  if (code.includes(";")) {
    throw new InputError("sql: one statement only (found more than one, separated by ';')");
  }
  const first = (/^[A-Za-z]+/.exec(code)?.[0] ?? "").toUpperCase();
  if (!ALLOWED.has(first)) {
    throw new InputError(
      `sql: refused a ${
        first || "non-query"
      } statement: the audit store is read-only here (use SELECT, WITH or EXPLAIN)`,
    );
  }
  return text.trim().replace(/;\s*$/, "");
}
