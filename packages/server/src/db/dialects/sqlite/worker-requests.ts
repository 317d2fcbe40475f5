/**
 * The requests of a SQLite worker thread (read-thread.ts, write-thread.ts): each message is
 * posted with a number and answered, in order, with `{ id, … }` or `{ id, error }`. The process is
 * kept alive while an answer is awaited, not while the thread is idle; once the thread has ended
 * (closed, failed to start, or crashed) every pending and later request is refused with the
 * error the owner gives for it.
 */
import type { Worker } from 'node:worker_threads';

/** An answer of the thread: its request's number, and the result or the statement's error. */
export type WorkerAnswer = { readonly id: number } & (
  { readonly error: string } | { readonly error?: undefined }
);

interface Pending<A> {
  readonly resolve: (answer: A) => void;
  readonly reject: (error: Error) => void;
}

export class WorkerRequests<A extends WorkerAnswer> {
  readonly #worker: Worker;
  /** Prefixes a statement's error (`SQLite reader thread`). */
  readonly #label: string;
  readonly #pending = new Map<number, Pending<A>>();
  #nextId = 0;
  /** Set once the thread has ended: every later request is refused with it. */
  #ended: Error | null = null;
  /** The error of a thread closed by its owner. */
  readonly #closed: () => Error;

  /**
   * @param worker - The thread, its 'message' events passed to {@link answer} by the owner.
   * @param label - Prefix of a statement's error.
   * @param ended - The error every request is refused with once the thread has ended.
   */
  constructor(worker: Worker, label: string, ended: (reason: string) => Error) {
    this.#worker = worker;
    this.#label = label;
    // Idle, the thread does not keep the process alive (see #track).
    worker.unref();
    worker.on('error', (error) => this.end(ended(error.message)));
    worker.on('exit', () => this.end(ended('closed')));
    this.#closed = () => ended('closed');
  }

  /** The error requests are refused with, once the thread has ended; else null. */
  get ended(): Error | null {
    return this.#ended;
  }

  /** Posts `message` with a new request number; resolves with the thread's answer to it. */
  ask(message: Record<string, unknown>): Promise<A> {
    if (this.#ended !== null) {
      return Promise.reject(this.#ended);
    }
    const id = this.#nextId++;
    const answer = new Promise<A>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
    });
    this.#track();
    this.#worker.postMessage({ ...message, id });
    return answer;
  }

  /** Settles the request `answer` answers: a statement's error rejects it (a plain Error). */
  answer(answer: A): void {
    const pending = this.#pending.get(answer.id);
    this.#pending.delete(answer.id);
    this.#track();
    if (answer.error !== undefined) {
      pending?.reject(new Error(`${this.#label}: ${answer.error}`));
    } else {
      pending?.resolve(answer);
    }
  }

  /** Refuses every pending and later request with `error` (the first error given stays). */
  end(error: Error): void {
    this.#ended ??= error;
    for (const p of this.#pending.values()) {
      p.reject(this.#ended);
    }
    this.#pending.clear();
  }

  /** Ends the thread once `after` (the owner's last request) has settled. */
  async close(after: Promise<unknown>): Promise<void> {
    if (this.#ended !== null) {
      return;
    }
    await after;
    if (this.#ended !== null) {
      return;
    }
    this.#ended = this.#closed();
    const exited = new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()));
    // Alive until the thread has closed its connection and exited.
    this.#worker.ref();
    this.#worker.postMessage({ type: 'close' });
    await exited;
  }

  /** Keeps the process alive while an answer is awaited, not while the thread is idle. */
  #track(): void {
    if (this.#pending.size > 0) {
      this.#worker.ref();
    } else {
      this.#worker.unref();
    }
  }
}
