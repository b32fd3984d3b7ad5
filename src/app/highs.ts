/**
 * HiGHS on the main thread, for small checks (a scenario's minimums on import). The bundler
 * renames the wasm file, so the loader is told where it is. Heavy analysis runs in the worker.
 * Its code is loaded on the first check, not with the page.
 */
import wasmUrl from 'highs/runtime?url';
import { setHighsLoader } from '../../models/game/lp';

setHighsLoader(async () => (await import('highs')).default({ locateFile: (f: string) => (f.endsWith('.wasm') ? wasmUrl : f) }));
