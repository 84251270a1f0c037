/**
 * Content script for SPOT pages (bundled as a classic script: content scripts cannot be ES
 * modules). It never opens IndexedDB (that would be SPOT's origin); it messages the background.
 */
import { send } from '../shared/messages.ts';
import { describeError } from '../shared/i18n.ts';
import { readPageInfo } from './pageInfo.ts';
import { mountPanel } from './panel/mount.tsx';

const panel = mountPanel(document);
panel.update({ kind: 'saving' });
send('content:pageSeen', readPageInfo(document, location)).then(
  (record) => panel.update({ kind: 'stored', record }),
  (error: unknown) => panel.update({ kind: 'failed', reason: describeError(error) }),
);
