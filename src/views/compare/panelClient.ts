/**
 * Compare's panels ask their own analysis worker: their requests would otherwise supersede the
 * live analysis's (one request in flight per kind), and each other's.
 */
import { onCleanup } from 'solid-js';
import type { Scenario } from '../../../models/domain/index';
import type { CommonCoreAnalysis, ReadingReport } from '../../../workers/api';
import { createAnalysisClient } from '../../../workers/client';

export type PanelClient = ReturnType<typeof createAnalysisClient>;

/** A worker client for the panel being created, disposed with it. */
export function createPanelClient(): PanelClient {
  const client = createAnalysisClient(() => new Worker(new URL('../../../workers/analysis.worker.ts', import.meta.url), { type: 'module' }));
  onCleanup(() => client.dispose());
  return client;
}

/** The common core of the scenario as encoded (its first reading); undefined when it could not be computed. */
export async function baselineReading(client: PanelClient, s: Scenario): Promise<ReadingReport | undefined> {
  const r = await client.commonCore(JSON.parse(JSON.stringify(s)), []);
  return r.status === 'ok' && (r.value as CommonCoreAnalysis).status === 'ok'
    ? (r.value as Extract<CommonCoreAnalysis, { status: 'ok' }>).readings[0]
    : undefined;
}
