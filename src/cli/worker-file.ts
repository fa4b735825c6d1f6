/**
 * The compiled file of one of the CLI's worker threads (beside main.mjs in dist-cli), or null where
 * it is not there (the CLI run from its sources): the caller then does the work in its own thread.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function workerFile(name: string): string | null {
  const file = fileURLToPath(new URL(`./${name}.mjs`, import.meta.url));
  return existsSync(file) ? file : null;
}
