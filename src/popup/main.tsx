/** Entry of the popup (`popup.html`) and of the same app in a full tab (`app.html`). */
import { render } from 'preact';
import { t, userLanguage } from '../shared/i18n.ts';
import { App, type AppMode } from './App.tsx';
import { loadCatalogue } from './catalogue.ts';
import { startApp } from './start.ts';
import './popup.css';

// Asked first: the background reads while the strings load and the app draws.
const start = startApp();
start.catch(() => {}); // the app shows the failure (with "try again"); not an unhandled rejection meanwhile
const root = document.documentElement;
root.lang = userLanguage();
const mode: AppMode = root.dataset.mode === 'tab' ? 'tab' : 'popup';
// Nothing is drawn before the user's language can be spoken.
void loadCatalogue().then(() => {
  document.title = t('extName');
  render(<App mode={mode} start={start} />, document.getElementById('app')!);
});
