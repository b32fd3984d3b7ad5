// The bot worker's entry: the server runs its TypeScript through tsx, and a worker thread starts without the parent's loader.
import { register } from 'tsx/esm/api';

register();
await import('./botWorker.ts');
