/**
 * The app's state reaches components through one Solid context, made at the composition root
 * (src/app/App.tsx): the workspace store, the class run and the banner's notices. No module
 * holds them, so each rendering of the app — the page, a component test — has its own.
 */
import { createContext, useContext, type JSX } from 'solid-js';
import { createNotices, type Notices } from './notices';
import { createPlay, type Play } from './play';
import { createWorkspace, type Workspace } from './workspace';

export interface AppState {
  readonly workspace: Workspace;
  readonly play: Play;
  readonly notices: Notices;
}

/** The app's state, owned by the reactive scope it is made in (the root component, or a test's root). */
export function createAppState(): AppState {
  const notices = createNotices();
  const workspace = createWorkspace();
  return { notices, workspace, play: createPlay(workspace, notices.notify) };
}

const AppContext = createContext<AppState>();

export function AppProvider(props: { state: AppState; children: JSX.Element }) {
  return <AppContext.Provider value={props.state}>{props.children}</AppContext.Provider>;
}

function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('this component reads the app state: render it inside <AppProvider>');
  return state;
}

export const useWorkspace = (): Workspace => useApp().workspace;
export const usePlay = (): Play => useApp().play;
export const useNotices = (): Notices => useApp().notices;
