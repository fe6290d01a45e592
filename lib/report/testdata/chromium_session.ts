/**
 * A minimal client of the Chrome DevTools Protocol for the report's browser
 * test: starts headless Chromium with remote debugging on a free port, reads
 * the DevTools address from its stderr, and talks to it over Deno's
 * WebSocket (flattened target sessions). Events are delivered to listeners;
 * everything waits on events, nothing on timers: if Chromium exits or the
 * socket closes, every pending call is rejected.
 *
 * @module
 */

/** A protocol event: its method, params and the session it came from. */
export type DevtoolsEvent = {
  readonly method: string;
  readonly params: Record<string, unknown>;
  readonly sessionId?: string;
};

type Pending = {
  resolve: (value: Record<string, unknown>) => void;
  reject: (error: Error) => void;
};

/** The flags the brief asks for, plus a temporary profile and a free debugging port. */
export function chromiumArgs(userDataDir: string): string[] {
  return [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    `--user-data-dir=${userDataDir}`,
    "--remote-debugging-port=0",
    "about:blank",
  ];
}

/** A running headless Chromium and its DevTools connection. */
export class ChromiumSession {
  #socket: WebSocket;
  #child: Deno.ChildProcess;
  #profile: string;
  #drained: Promise<void>;
  #nextId = 1;
  #pending = new Map<number, Pending>();
  #listeners = new Set<(event: DevtoolsEvent) => void>();
  #closedReason: Error | null = null;

  private constructor(
    socket: WebSocket,
    child: Deno.ChildProcess,
    profile: string,
    drained: Promise<void>,
  ) {
    this.#socket = socket;
    this.#child = child;
    this.#profile = profile;
    this.#drained = drained;
    socket.onmessage = (message) => this.#receive(String(message.data));
    socket.onclose = () => this.#fail(new Error("the DevTools socket closed"));
    child.status.then((status) =>
      this.#fail(new Error(`Chromium exited with code ${status.code}`))
    );
  }

  /** Starts Chromium at `executable` and connects to it. */
  static async launch(executable: string): Promise<ChromiumSession> {
    const profile = await Deno.makeTempDir({ prefix: "report_chromium_" });
    const child = new Deno.Command(executable, {
      args: chromiumArgs(profile),
      stdin: "null",
      stdout: "null",
      stderr: "piped",
    }).spawn();
    const lines = child.stderr.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "", url: string | null = null;
    while (url === null) {
      const { value, done } = await lines.read();
      if (done) throw new Error(`Chromium gave no DevTools address; its stderr:\n${buffer}`);
      buffer += value;
      url = /DevTools listening on (ws:\/\/\S+)/.exec(buffer)?.[1] ?? null;
    }
    const drained = (async () => {
      while (!(await lines.read()).done) { /* keep the pipe flowing */ }
    })();
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.onopen = () => resolve();
      socket.onerror = () => reject(new Error(`cannot connect to ${url}`));
    });
    return new ChromiumSession(socket, child, profile, drained);
  }

  /** Sends a command (to a page session when `sessionId` is given) and resolves with its result. */
  send(
    method: string,
    params: Record<string, unknown> = {},
    sessionId?: string,
  ): Promise<Record<string, unknown>> {
    if (this.#closedReason !== null) return Promise.reject(this.#closedReason);
    const id = this.#nextId++;
    const message = { id, method, params, ...(sessionId === undefined ? {} : { sessionId }) };
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#socket.send(JSON.stringify(message));
    });
  }

  /** Calls `listener` on every event until the returned function is called. */
  listen(listener: (event: DevtoolsEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Resolves with the next event `method` of `sessionId` (register before triggering it). */
  next(method: string, sessionId: string): Promise<DevtoolsEvent> {
    return new Promise((resolve, reject) => {
      if (this.#closedReason !== null) return reject(this.#closedReason);
      const key = -this.#nextId++;
      const stop = this.listen((event) => {
        if (event.method === method && event.sessionId === sessionId) {
          stop();
          this.#pending.delete(key);
          resolve(event);
        }
      });
      this.#pending.set(key, { resolve: () => undefined, reject });
    });
  }

  /** Closes the browser and removes its profile. */
  async close(): Promise<void> {
    if (this.#closedReason === null) {
      await this.send("Browser.close").catch(() => undefined);
    }
    await this.#child.status;
    await this.#drained;
    if (this.#socket.readyState !== WebSocket.CLOSED) {
      const closed = new Promise((resolve) => this.#socket.addEventListener("close", resolve));
      this.#socket.close();
      await closed;
    }
    await Deno.remove(this.#profile, { recursive: true });
  }

  #receive(text: string): void {
    const message = JSON.parse(text) as {
      id?: number;
      result?: Record<string, unknown>;
      error?: { message: string };
      method?: string;
      params?: Record<string, unknown>;
      sessionId?: string;
    };
    if (message.id !== undefined) {
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.error !== undefined) pending?.reject(new Error(message.error.message));
      else pending?.resolve(message.result ?? {});
      return;
    }
    if (message.method === undefined) return;
    const event: DevtoolsEvent = {
      method: message.method,
      params: message.params ?? {},
      ...(message.sessionId === undefined ? {} : { sessionId: message.sessionId }),
    };
    for (const listener of [...this.#listeners]) listener(event);
  }

  #fail(reason: Error): void {
    if (this.#closedReason !== null) return;
    this.#closedReason = reason;
    for (const pending of this.#pending.values()) pending.reject(reason);
    this.#pending.clear();
  }
}
