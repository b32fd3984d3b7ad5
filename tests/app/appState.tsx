/** Component tests render inside the app context, each test with an app state of its own. */
import { afterEach, beforeEach } from 'vitest';
import { cleanup, render } from '@solidjs/testing-library';
import { createRoot, type JSX } from 'solid-js';
import { AppProvider, createAppState, type AppState } from '../../src/state/context';

/**
 * A fresh app state before each test (disposed after it); `app()` is the current one and
 * `renderInApp` renders inside its context. Call once at the top of a test file.
 */
export function useAppPerTest(): { app: () => AppState; renderInApp: (ui: () => JSX.Element) => ReturnType<typeof render> } {
  let state: AppState | undefined;
  let dispose: (() => void) | undefined;
  beforeEach(() => {
    createRoot((d) => {
      dispose = d;
      state = createAppState();
    });
  });
  afterEach(() => {
    cleanup(); // unmount what was rendered before its state goes
    dispose?.();
    state = undefined;
  });
  const app = () => {
    if (!state) throw new Error('no app state outside a test');
    return state;
  };
  return { app, renderInApp: (ui) => render(() => <AppProvider state={app()}>{ui()}</AppProvider>) };
}
