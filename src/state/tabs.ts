/** The app's tabs, in order, and the one a fresh workspace opens on (also read at build time for index.html's first screen). */
export type Tab = 'play' | 'edit' | 'analyse' | 'compare';
export const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'play', label: 'Play' },
  { id: 'edit', label: 'Edit' },
  { id: 'analyse', label: 'Analyse' },
  { id: 'compare', label: 'Compare' },
];
export const FIRST_TAB: Tab = 'play';
