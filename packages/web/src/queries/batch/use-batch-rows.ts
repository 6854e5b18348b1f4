/**
 * Every result row of a batch job in summary form (GET …/results?view=summary), fetched in pages as the job
 * produces them; the rows array only ever grows, so a table over it stays stable while a job runs.
 */

import { useEffect, useRef, useState } from 'react';
import { api, qs } from '../../api/client.js';
import type { BatchRowSummary } from '../../api/types.js';

const PAGE = 5000;

export interface BatchRows {
  readonly rows: readonly BatchRowSummary[];
  readonly error: unknown;
}

/** `available`: how many rows the job reports done; fetching follows it. */
export function useBatchRows(jobId: string, available: number): BatchRows {
  const [rows, setRows] = useState<readonly BatchRowSummary[]>([]);
  const [error, setError] = useState<unknown>(undefined);
  const availableRef = useRef(available);
  availableRef.current = available;
  const pump = useRef<() => void>(() => {});

  useEffect(() => {
    const controller = new AbortController();
    let loaded: BatchRowSummary[] = [];
    let running = false;
    setRows([]);
    setError(undefined);
    const run = async (): Promise<void> => {
      if (running) return;
      running = true;
      try {
        while (loaded.length < availableRef.current && !controller.signal.aborted) {
          const page = await api.get<{ rows: BatchRowSummary[] }>(
            `/api/screen/batch/${encodeURIComponent(jobId)}/results${qs({ offset: loaded.length, limit: PAGE, view: 'summary' })}`,
            { signal: controller.signal },
          );
          if (page.rows.length === 0) break;
          loaded = loaded.concat(page.rows);
          setRows(loaded);
        }
      } catch (e) {
        if (!controller.signal.aborted) setError(e);
        return;
      } finally {
        running = false;
      }
      // Rows that arrived while the last page was in flight.
      if (!controller.signal.aborted && loaded.length < availableRef.current) void run();
    };
    pump.current = () => void run();
    return () => {
      controller.abort();
      pump.current = () => {};
    };
  }, [jobId]);

  useEffect(() => {
    if (available > 0) pump.current();
  }, [available]);

  return { rows, error };
}
