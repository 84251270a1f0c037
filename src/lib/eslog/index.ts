/** eSLOG 2.0 e-invoices (received), e.g. FURS's collective contribution invoice. */
export type { EslogInvoice, EslogIssuer, EslogLine, EslogRecipient, EslogWarning } from './model.ts';
export { ESLOG_WARNINGS } from './model.ts';
export { isEslogInvoice, readEslogInvoice } from './read.ts';
