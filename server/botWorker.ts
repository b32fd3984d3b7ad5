/** A worker thread of the bot pool (bots.ts): answers each position with the bots' events. */
import { parentPort } from 'node:worker_threads';
import { botEvents, type RoundSnapshot } from '../models/machines/index';
import type { BotReply, BotRequest } from './bots';

parentPort?.on('message', (m: BotRequest) => {
  let reply: BotReply;
  try {
    // `botEvents` reads the snapshot's phase (`value`) and context only, which is what was sent.
    const snapshot = { value: m.phase, context: m.context } as unknown as RoundSnapshot;
    reply = { id: m.id, events: botEvents(snapshot, m.seats) };
  } catch (e) {
    reply = { id: m.id, error: (e as Error)?.message ?? String(e) };
  }
  parentPort?.postMessage(reply);
});
