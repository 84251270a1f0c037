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
/**
 * How long the first drawing waits for the start's answer. Drawn at once, "loading…" is laid
 * out and painted just as the answer comes in, and the answer waits for that paint: the list
 * showed ~20-40 ms later on this 2-core machine (issue 8). Waiting a little draws the list in
 * one go; a background slower than this (a service worker starting) shows "loading…" first.
 */
const WAIT_FOR_START_MS = 150;

const answered = Promise.race([start.then(() => {}, () => {}), new Promise<void>((resolve) => { setTimeout(resolve, WAIT_FOR_START_MS); })]);
// Nothing is drawn before the user's language can be spoken.
void Promise.all([loadCatalogue(), answered]).then(() => {
  document.title = t('extName');
  render(<App mode={mode} start={start} />, document.getElementById('app')!);
});
