/** Ready-made events the teacher can inject, kept only where the scenario has their dimensions and actors. */
import type { Scenario } from '../../../models/domain/types';
import type { Inject } from '../../../models/machines/index';

const PRESETS: Inject[] = [
  {
    id: 'russia-deploys-oreshnik',
    label: 'Russia deploys Oreshnik',
    effects: [
      { dimension: 'russian_military', delta: 0.1 },
      { dimension: 'escalation', delta: 0.08 },
    ],
    postures: { poland: 'hardline', lithuania: 'hardline' },
  },
  { id: 'eu-extends-potash-sanctions', label: 'EU extends potash sanctions', effects: [{ dimension: 'sanctions', delta: 0.05 }] },
  { id: 'border-incident', label: 'Incident on the Polish border', effects: [{ dimension: 'escalation', delta: 0.05 }, { dimension: 'border', delta: -0.05 }], postures: { poland: 'hardline' } },
  { id: 'us-envoy-visit', label: 'A US envoy lands in Minsk', effects: [{ dimension: 'engagement', delta: 0.05 }], postures: { regime: 'engaged', us: 'engaged' } },
  { id: 'klaipeda-reopens', label: 'Klaipeda reopens to potash', effects: [{ dimension: 'transit', set: 1 }] },
];

export function presetInjects(s: Scenario): Inject[] {
  const dims = new Set(s.dimensions.map((d) => d.id));
  const actors = new Set(s.actors.map((a) => a.id));
  return PRESETS.filter((p) => (p.effects ?? []).every((e) => dims.has(e.dimension)) && Object.keys(p.postures ?? {}).every((a) => actors.has(a)));
}
