/** The graph layout worker: transport only (see layout.ts). */
import * as Comlink from 'comlink';
import { layoutBoxes } from './layout';

const api = { layoutBoxes };
export type LayoutApi = typeof api;
Comlink.expose(api);
