import { readInputText } from './encoding.ts';
import { ReadError } from './errors.ts';
import { parseXml } from './xml/parse.ts';
import { detectXmlKind } from './xml/kind.ts';
import { readDisclosureXml, type Disclosure } from './disclosure/index.ts';
import { readDisclosureCsvText } from './disclosure/csv.ts';
import { readEbolXml, type CertificateList } from './ebolXml.ts';
import { isEslogInvoice, readEslogInvoice, type EslogInvoice } from './eslog/index.ts';

/** A saved HTML page: read by the DOM page readers of `src/shared`, not here (no DOM in lib). */
export interface HtmlDocument {
  type: 'html';
  text: string;
}

export type ReadDocument = Disclosure | CertificateList | EslogInvoice | HtmlDocument;

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;

/**
 * Reads any file a user gives us — a FURS disclosure (CSV or XML), an eBOL/ePODK XML, a
 * FURS eSLOG invoice, or a saved SPOT page — and routes it by its content, not its name.
 * Size and encoding are checked first; anything else ends in a `ReadError`.
 */
export function readDocument(input: Uint8Array | string, fileName?: string): ReadDocument {
  const text = readInputText(input);
  if (HTML_START.test(text) || /\.html?$/i.test(fileName ?? '')) return { type: 'html', text };
  if (text.charAt(text.search(/\S/)) === '<') {
    const root = parseXml(text);
    if (isEslogInvoice(root)) return readEslogInvoice(root, fileName);
    const kind = detectXmlKind(root);
    if (kind === 'disclosure') return readDisclosureXml(root);
    if (kind === 'certificate') return readEbolXml(root);
    throw new ReadError('NOT_RECOGNISED',
      `XML datoteke${fileName ? ` »${fileName}«` : ''} ni mogoče prepoznati: pričakovano razkritje FURS, potrdilo eBOL/ePODK ali e-račun eSLOG; korenski element je »${root.name}«.`,
      { expected: ['PodatkiZaIzracunOsnove', 'ePotrdilo', 'Invoice (eSLOG 2.0)'], found: [root.name] });
  }
  return readDisclosureCsvText(text);
}
