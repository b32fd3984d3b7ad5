/** How actors are named on screen. */
import type { Actor, ActorId } from './types';

/** An actor's short name, as tables and sentences show it; the id itself for an actor the scenario does not have. */
export function shortName(scenario: { readonly actors: readonly Pick<Actor, 'id' | 'short'>[] } | undefined, id: ActorId): string {
  return scenario?.actors.find((a) => a.id === id)?.short ?? id;
}
