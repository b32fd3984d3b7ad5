/**
 * The December 2025 sequence as a scripted run of the Belarus scenario. Round 1 (13 December
 * 2025): Minsk frees 123 political prisoners while Washington partly lifts its potash
 * sanctions, and Vilnius keeps Klaipeda closed to Belarusian potash. Round 2 (less than a week
 * later): the Oreshnik deployment on Belarusian soil is announced; Klaipeda stays closed.
 * Every other actor holds.
 */
import type { Run, RunEvent } from '../run';

const commit = (actor: string, move: string, reason: string): RunEvent => ({ type: 'COMMIT_MOVE', actor, move, by: 'team', reason });

export function december2025Run(scenarioDoc: unknown): Run {
  return {
    format: 'coreplay-run',
    version: 1,
    title: 'December 2025: prisoners for potash, then Oreshnik',
    scenario: scenarioDoc,
    variants: [],
    seed: 20251213,
    roundLimit: 2,
    seats: {
      regime: { kind: 'team', team: 'Minsk' },
      us: { kind: 'team', team: 'Washington' },
      lithuania: { kind: 'team', team: 'Vilnius' },
    },
    events: [
      { type: 'START_ROUND' },
      commit('regime', 'release_123', '13 December 2025: 123 prisoners freed'),
      commit('us', 'ease_potash_partial', 'partial relief for the potash companies in exchange'),
      commit('lithuania', 'refuse_transit', 'Klaipeda stays closed to Belarusian potash'),
      { type: 'CLOSE_ROUND' },
      { type: 'END_OFFERS' },
      { type: 'NEXT_ROUND' },
      { type: 'START_ROUND' },
      commit('regime', 'host_oreshnik', 'less than a week later: the Oreshnik deployment is announced'),
      commit('lithuania', 'refuse_transit', 'Klaipeda still closed'),
      { type: 'CLOSE_ROUND' },
      { type: 'END_OFFERS' },
      { type: 'NEXT_ROUND' },
    ],
  };
}
