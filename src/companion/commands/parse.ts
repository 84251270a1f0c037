import { readDocument } from '../../lib/documents.ts';
import { readInputFile } from '../files.ts';
import { UsageError } from '../errors.ts';

/**
 * `spot-companion parse FILE`: a disclosure (CSV/XML), an eBOL XML, a FURS e-invoice or a
 * saved SPOT page, read with the same readers the extension uses (FORMATS.md output).
 */
export async function parseCommand(args: string[]): Promise<unknown> {
  const [file, ...rest] = args;
  if (!file || rest.length > 0) throw new UsageError('Uporaba: spot-companion parse DATOTEKA');
  const doc = readDocument(await readInputFile(file), file);
  if (doc.type !== 'html') return doc;
  // The DOM for saved pages (happy-dom) takes seconds to load: only when a page is read.
  const { readSavedPage } = await import('../savedPage.ts');
  return readSavedPage(doc.text, file);
}
