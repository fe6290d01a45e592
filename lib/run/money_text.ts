/**
 * Money as the summary prints it: en-US grouping and exactly two decimals, the
 * text `x.toLocaleString("en-US", { minimumFractionDigits: 2,
 * maximumFractionDigits: 2 })` gives, without that call: the first use of
 * `toLocaleString` loads ICU's number formatting, 10-15 ms of every
 * `deno task backtest`.
 *
 * V8's ICU rounds the shortest decimal text of the number (what `String(x)`
 * prints) half away from zero (ECMA-402's default `halfExpand`: 2.675 gives
 * 2.68 where `toFixed` gives 2.67), so that is what this does; numbers
 * `String` prints in exponent form, and non-finite ones, go to
 * `toLocaleString` itself.
 *
 * @module
 */

/** `x` with thousands separators and two decimals, as en-US `toLocaleString` writes it. */
export function moneyText(x: number): string {
  const text = String(Math.abs(x));
  if (!Number.isFinite(x) || text.includes("e")) {
    return x.toLocaleString("en-US", { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  }
  const dot = text.indexOf(".");
  const whole = dot < 0 ? text : text.slice(0, dot);
  const fraction = dot < 0 ? "" : text.slice(dot + 1);
  // Digits of x * 100, then the rest of the fraction decides the rounding.
  let digits = whole + fraction.slice(0, 2).padEnd(2, "0");
  const rest = fraction.slice(2);
  if (rest !== "" && rest[0] as string >= "5") digits = _plusOne(digits);
  const units = digits.slice(0, -2).replace(/^0+(?=\d)/, "") || "0";
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  return `${sign}${units.replace(/\B(?=(\d{3})+$)/g, ",")}.${digits.slice(-2)}`;
}

/** A string of decimal digits plus one. */
function _plusOne(digits: string): string {
  const out = digits.split("");
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== "9") {
      out[i] = String.fromCharCode((out[i] as string).charCodeAt(0) + 1);
      return out.join("");
    }
    out[i] = "0";
  }
  return "1" + out.join("");
}
