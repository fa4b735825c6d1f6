import { useCallback, useRef, useState } from "react";

export interface JobControls {
  signal: AbortSignal;
  progress: (value: number) => void;
}

export interface JobState {
  running: boolean;
  progress: number | undefined;
  start: <T>(
    job: (controls: JobControls) => Promise<T>,
  ) => Promise<{ ok: true; value: T } | { ok: false; error: unknown }>;
  cancel: () => void;
}

/** Runs one job at a time with progress and cancellation. */
export function useJob(): JobState {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<number | undefined>(undefined);
  const controller = useRef<AbortController | null>(null);

  const start = useCallback(async <T>(job: (controls: JobControls) => Promise<T>) => {
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    setRunning(true);
    setProgress(undefined);
    try {
      const value = await job({
        signal: own.signal,
        progress: (v) => setProgress(Math.max(0, Math.min(1, v))),
      });
      return { ok: true as const, value };
    } catch (error) {
      return { ok: false as const, error };
    } finally {
      if (controller.current === own) {
        controller.current = null;
        setRunning(false);
      }
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { running, progress, start, cancel };
}
