/**
 * Option checks shared by the indicators (private to this folder).
 *
 * @module
 */

/** Throws a RangeError unless `value` is an integer of at least `min`. */
export function _checkPeriod(indicator: string, name: string, value: number, min = 1): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(
      `Cannot compute ${indicator} as ${name} must be an integer >= ${min}: current value is ${value}`,
    );
  }
}

/** Throws a RangeError unless `value` is a finite number above zero. */
export function _checkPositive(indicator: string, name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(
      `Cannot compute ${indicator} as ${name} must be a finite number > 0: current value is ${value}`,
    );
  }
}

/** Throws a RangeError unless every column has the length of the first. */
export function _checkSameLength(
  indicator: string,
  columns: Readonly<Record<string, Float64Array>>,
): void {
  let expected = -1;
  for (const [name, column] of Object.entries(columns)) {
    if (expected < 0) expected = column.length;
    else if (column.length !== expected) {
      throw new RangeError(
        `Cannot compute ${indicator} as column ${name} must have ${expected} values: current value is ${column.length}`,
      );
    }
  }
}

/** A Float64Array of `length` NaNs: the output before any value is known. */
export function _nanArray(length: number): Float64Array {
  return new Float64Array(length).fill(NaN);
}
