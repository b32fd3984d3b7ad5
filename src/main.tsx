import { render } from 'solid-js/web';
import { App } from './app/App';
import { FIRST_VISIT_CLASS, dropFirstScreen } from './state/firstScreen';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// index.html's static first screen stays up on a first visit until the workspace is open
// (App.tsx); otherwise it is not shown, and goes now.
if (!document.documentElement.classList.contains(FIRST_VISIT_CLASS)) dropFirstScreen();
render(() => <App />, root);
