/**
 * The bots' answers, computed off the server's event loop: a best-response or equilibrium bot
 * reads the whole round game, which for a large scenario takes long enough to hold up every
 * room. A small pool of worker threads (botWorker.ts) computes `botEvents` — the same function
 * the single-screen app uses — while the room waits for its answer inside its serial queue and
 * the other rooms carry on. The events come back as data and are applied here in order, so a
 * room's log is the same as when the bots run inline.
 *
 * A worker that fails (it crashed, or the position could not be sent to it) is replaced, and
 * that one answer is computed inline: the room never loses an event over it.
 */
import { Worker } from 'node:worker_threads';
import { botEvents, botSeats, phaseOf, type RoundSnapshot, type RunEvent, type Seat } from '../models/machines/index';

type Seats = Readonly<Record<string, Seat>>;

export interface BotRunner {
  /** The events the bots send now (empty when no bot has anything to do). */
  events(snapshot: RoundSnapshot, seats: Seats): Promise<RunEvent[]>;
  close(): Promise<void>;
}

/** Whether `botEvents` would return anything: a bot still to move, or an open offer to a bot. */
export function botsHaveWork(snapshot: RoundSnapshot, seats: Seats): boolean {
  const phase = phaseOf(snapshot);
  const c = snapshot.context;
  if (phase === 'moves') return botSeats(seats).some(([actor]) => !c.committed[actor]);
  if (phase === 'offers') return c.offers.some((o) => o.status === 'open' && seats[o.to]?.kind === 'bot');
  return false;
}

/** The bots on the calling thread (tests, and the fallback of the pool). */
export const inlineBots: BotRunner = {
  events: async (snapshot, seats) => (botsHaveWork(snapshot, seats) ? botEvents(snapshot, seats) : []),
  close: async () => undefined,
};

export interface BotRequest {
  readonly id: number;
  readonly phase: string;
  readonly context: RoundSnapshot['context'];
  readonly seats: Seats;
}
export type BotReply = { readonly id: number; readonly events: RunEvent[] } | { readonly id: number; readonly error: string };

interface Pending {
  resolve: (events: RunEvent[]) => void;
  snapshot: RoundSnapshot;
  seats: Seats;
}

/** `size` worker threads; each request goes to the one with the fewest answers outstanding. */
export function workerBots(size = 1, log: (line: string) => void = (line) => console.error(line)): BotRunner {
  const boot = new URL('./botWorker.boot.mjs', import.meta.url);
  const slots: { worker: Worker; pending: Map<number, Pending> }[] = [];
  let nextId = 1;
  let closed = false;

  const inline = (p: Pending) => p.resolve(botsHaveWork(p.snapshot, p.seats) ? botEvents(p.snapshot, p.seats) : []);

  const spawn = (i: number) => {
    const worker = new Worker(boot, { execArgv: [] });
    worker.unref();
    const slot = { worker, pending: new Map<number, Pending>() };
    slots[i] = slot;
    worker.on('message', (m: BotReply) => {
      const p = slot.pending.get(m.id);
      if (!p) return;
      slot.pending.delete(m.id);
      if ('error' in m) {
        log(`bot worker: ${m.error}; answered inline`);
        inline(p);
      } else p.resolve(m.events);
    });
    const fail = (why: string) => {
      if (slots[i] !== slot) return;
      const waiting = [...slot.pending.values()];
      slot.pending.clear();
      if (!closed) {
        log(`bot worker ${why}; restarted, ${waiting.length} answer(s) computed inline`);
        spawn(i);
      }
      for (const p of waiting) inline(p);
    };
    worker.on('error', (e) => fail(`failed: ${e.message}`));
    worker.on('exit', (code) => fail(`exited (${code})`));
  };
  for (let i = 0; i < size; i++) spawn(i);

  return {
    events(snapshot, seats) {
      if (!botsHaveWork(snapshot, seats)) return Promise.resolve([]);
      return new Promise<RunEvent[]>((resolve) => {
        const pending: Pending = { resolve, snapshot, seats };
        if (closed) return inline(pending);
        const slot = slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
        const id = nextId++;
        const request: BotRequest = { id, phase: phaseOf(snapshot), context: snapshot.context, seats };
        try {
          slot.worker.postMessage(request);
        } catch (e) {
          log(`bot worker: the position could not be sent (${(e as Error).message}); answered inline`);
          return inline(pending);
        }
        slot.pending.set(id, pending);
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
