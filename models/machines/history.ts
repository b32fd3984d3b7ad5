/**
 * The run's history as rows: one per round and actor, with the move, who chose it (team, bot,
 * teacher), the utility before and after, acceptability, posture and the short "why"; and the
 * same as CSV (RFC 4180 quoting) for a spreadsheet.
 */
import { formatNatural } from '../domain/space';
import type { Scenario } from '../domain/types';
import type { RoundRecord } from './roundLogic';

export interface HistoryRow {
  readonly round: number;
  readonly actor: string;
  readonly move: string;
  readonly by: string;
  readonly reason: string;
  readonly utilityBefore: number;
  readonly utilityAfter: number;
  readonly change: number;
  readonly acceptable: boolean;
  readonly posture: string;
  readonly why: string;
}

export function historyRows(s: Scenario, history: readonly RoundRecord[]): HistoryRow[] {
  const label = new Map(s.moves.map((m) => [m.id, m.label]));
  const rows: HistoryRow[] = [];
  for (const r of history) {
    for (const a of s.actors) {
      const x = r.actors[a.id];
      if (!x) continue;
      rows.push({
        round: r.round,
        actor: a.id,
        move: x.move === 'hold' ? 'Hold' : (label.get(x.move) ?? x.move),
        by: x.by,
        reason: x.reason ?? '',
        utilityBefore: x.before,
        utilityAfter: x.after,
        change: x.after - x.before,
        acceptable: x.acceptableAfter,
        posture: x.postureAfter,
        why: x.why,
      });
    }
  }
  return rows;
}

function cell(x: string | number | boolean): string {
  const s = typeof x === 'number' ? (Number.isInteger(x) ? String(x) : x.toFixed(4)) : String(x);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The history as CSV: per round and actor, then the world state per round in natural units. */
export function historyCsv(s: Scenario, history: readonly RoundRecord[]): string {
  const head = ['round', 'actor', 'move', 'by', 'reason', 'utility_before', 'utility_after', 'change', 'acceptable', 'posture', 'why'];
  const lines = [head.join(',')];
  for (const r of historyRows(s, history))
    lines.push([r.round, r.actor, r.move, r.by, r.reason, r.utilityBefore, r.utilityAfter, r.change, r.acceptable, r.posture, r.why].map(cell).join(','));
  lines.push('');
  lines.push(['round', ...s.dimensions.map((d) => d.id)].join(','));
  for (const r of history) lines.push([r.round, ...s.dimensions.map((d, i) => formatNatural(d, r.worldAfter[i]!))].map(cell).join(','));
  return lines.join('\n') + '\n';
}
