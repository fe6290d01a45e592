/**
 * Errors that are the user's to fix (bad file, bad flag, bad config, a service
 * that cannot be reached). Scripts print their message on one line and exit 2;
 * every other error is a bug and is thrown as is.
 *
 * @module
 */

/** A problem with what the user gave us: its message names what and where. */
export class InputError extends Error {
  /** Every problem found, one line each (the message joins them). */
  readonly problems: readonly string[];

  /** One problem, or several (one line each), with an optional `cause`. */
  constructor(problems: string | readonly string[], options?: ErrorOptions) {
    const list = typeof problems === "string" ? [problems] : problems;
    super(list.join("\n"), options);
    this.name = "InputError";
    this.problems = list;
  }
}

/** A service (PostgreSQL, Yahoo) that could not be reached or answered wrongly. */
export class ServiceError extends Error {
  /** What failed, naming the service (its password hidden), with the underlying error as `cause`. */
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "ServiceError";
  }
}
