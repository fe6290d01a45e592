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

/** What a task's permission set may grant or refuse on a path. */
export type Access = "read" | "write";

/**
 * Deno refused a path because the task's permission set (deno.json) does not
 * cover it. Deno refuses before it looks, so the path may well exist: this is
 * never reported as a missing file. Scripts add how to run with the path allowed
 * (`lib/cli/access_hint.ts`).
 */
export class AccessRefused extends InputError {
  /** What the path was to be, e.g. `CSV file or folder`, `config file`. */
  readonly what: string;
  /** The path as the user gave it. */
  readonly path: string;
  /** The access that was refused. */
  readonly access: Access;

  /** The refusal of `access` to `path`, which was to be `what`. */
  constructor(what: string, path: string, access: Access, options?: ErrorOptions) {
    super(
      `${what} ${path}: this task's permission set does not let it ${access} there (${
        access === "read" ? "the file may well exist" : "nothing was written"
      })`,
      options,
    );
    this.name = "AccessRefused";
    this.what = what;
    this.path = path;
    this.access = access;
  }
}

/**
 * The user's error behind a refused access to `path`: Deno's permission check
 * (an {@link AccessRefused}) or the system's file modes (an {@link InputError});
 * `undefined` when `error` is neither, for the caller to handle.
 */
export function accessProblem(
  error: unknown,
  what: string,
  path: string,
  access: Access,
): InputError | undefined {
  if (error instanceof Deno.errors.NotCapable) {
    return new AccessRefused(what, path, access, { cause: error });
  }
  if (error instanceof Deno.errors.PermissionDenied) {
    return new InputError(
      `${what} ${path}: the system does not let this user ${access} it (${error.message}); check its owner and mode`,
      { cause: error },
    );
  }
  return undefined;
}
