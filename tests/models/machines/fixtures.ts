import type { Scenario } from '../../../models/domain/index';
import { builtinDoc, parseScenario } from '../../../models/scenario/index';

let cached: Scenario | undefined;
export async function belarus(): Promise<Scenario> {
  if (cached) return cached;
  const r = await parseScenario(builtinDoc('belarus'));
  if (!r.ok) throw new Error('the Belarus scenario must parse');
  return (cached = r.scenario);
}
