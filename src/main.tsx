import { render } from 'solid-js/web';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
render(() => <App />, root);

// The coalition graph's code (Cytoscape) and the other tabs' views are fetched and evaluated once
// the page is idle after load, so the first view that shows them does not wait in the middle of a round.
addEventListener('load', () => {
  const prefetch = () => {
    void import('./graph/CoalitionGraph');
    void import('./views/edit/EditView');
    void import('./views/analyse/AnalyseView');
    void import('./views/compare/CompareTab');
  };
  if ('requestIdleCallback' in window) requestIdleCallback(prefetch, { timeout: 4000 });
  else setTimeout(prefetch, 2000);
});
