/**
 * What the worker computes, as plain functions the tests can call in Node: the common core of a
 * scenario under each reading, with provenance (method, exactness, a hash of the input).
 */
import { commonCore, type CommonCoreReport } from '../models/analysis/commonCore/index';
import { applyVariants, type Scenario } from '../models/domain/index';

export interface ReadingReport extends CommonCoreReport {
  variants: string[];
  excluded: string[];
}

export type CommonCoreAnalysis =
  | { status: 'ok'; inputHash: string; readings: ReadingReport[]; ms: number }
  | { status: 'invalid'; problem: string };

/** FNV-1a over the JSON text: a stable fingerprint of an analysis input. */
export function hashInput(x: unknown): string {
  const s = JSON.stringify(x);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The common core under the chosen variants, and under each reading of the scenario on top of them. */
export async function analyseCommonCore(scenario: Scenario, variants: string[], now: () => number = () => 0): Promise<CommonCoreAnalysis> {
  const t0 = now();
  const sets: string[][] = [variants, ...scenario.variants.filter((v) => v.kind === 'reading' && !variants.includes(v.id)).map((v) => [...variants, v.id])];
  const readings: ReadingReport[] = [];
  for (const ids of sets) {
    const a = applyVariants(scenario, ids);
    if (!a.ok) return { status: 'invalid', problem: a.problem };
    const actors = a.value.scenario.actors.map((x) => x.id).filter((id) => !a.value.excludedFromCore.has(id));
    const r = await commonCore(a.value.scenario, actors);
    readings.push({ ...r, variants: ids, excluded: [...a.value.excludedFromCore] });
  }
  return { status: 'ok', inputHash: hashInput({ scenario, variants }), readings, ms: now() - t0 };
}
