/** Entry of the popup (`popup.html`) and of the same app in a full tab (`app.html`). */
import { render } from 'preact';
import { t, userLanguage } from '../shared/i18n.ts';
import { App, type AppMode } from './App.tsx';
import './popup.css';

const root = document.documentElement;
root.lang = userLanguage();
document.title = t('extName');
const mode: AppMode = root.dataset.mode === 'tab' ? 'tab' : 'popup';
render(<App mode={mode} />, document.getElementById('app')!);
