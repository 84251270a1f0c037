/** The app shell: header with the product name, then the views (later issues add more). */
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n.ts';
import { StatusView } from './views/StatusView.tsx';

export type AppMode = 'popup' | 'tab';

async function openInTab() {
  await browser.tabs.create({ url: browser.runtime.getURL('app.html') });
  window.close();
}

export function App({ mode }: { mode: AppMode }) {
  return (
    <div class={`app app--${mode}`}>
      <header class="app__header">
        <img class="app__logo" src="icons/icon-32.png" alt="" width={24} height={24} />
        <h1 class="app__name">{t('extName')}</h1>
        {mode === 'popup' && (
          <button type="button" class="app__button" onClick={() => void openInTab()}>
            {t('openInTab')}
          </button>
        )}
      </header>
      <main class="app__main">
        <StatusView />
      </main>
    </div>
  );
}
