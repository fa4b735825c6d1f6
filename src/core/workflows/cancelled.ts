/** A job the clerk cancelled: thrown before a write starts, so nothing is half-written. */
export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

/** Throws when the job was cancelled (an AbortSignal; the core names only what it reads). */
export function throwIfCancelled(signal: { readonly aborted: boolean } | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}
