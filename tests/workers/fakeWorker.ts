import * as Comlink from 'comlink';
import { MessageChannel } from 'node:worker_threads';

/** A fake worker: a comlink endpoint over a MessageChannel whose API the test controls. */
export function fakeWorker(api: object) {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(api, port2 as unknown as Comlink.Endpoint);
  const listeners: ((e: unknown) => void)[] = [];
  const w = Object.assign(port1 as unknown as Worker, {
    terminate: () => {
      port1.close();
      port2.close();
    },
    crash: () => listeners.forEach((f) => f(new Error('boom'))),
  });
  const add = port1.addEventListener.bind(port1) as (t: string, f: (e: unknown) => void) => void;
  (w as any).addEventListener = (t: string, f: (e: unknown) => void) => (t === 'error' ? listeners.push(f) : add(t, f));
  return w as Worker & { crash: () => void };
}
