import { render } from 'solid-js/web';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
render(() => <App />, root);

// The coalition graph's code (Cytoscape) is fetched and evaluated once the page is idle after
// load, so the first view that shows a graph does not wait for it in the middle of a round.
addEventListener('load', () => {
  const prefetch = () => void import('./graph/CoalitionGraph');
  if ('requestIdleCallback' in window) requestIdleCallback(prefetch, { timeout: 4000 });
  else setTimeout(prefetch, 2000);
});
