import type { IsoDate } from '../dates.ts';

/**
 * A received eSLOG 2.0 e-invoice as the companion and the popup show it — for this project
 * mainly FURS's collective invoice for a self-employed person's contributions. Money is a
 * JSON number with 2 decimals, computed from the XML's decimal text without float sums.
 */
export interface EslogIssuer {
  name: string | null;
  /** Street, postcode and city on one line: `Šmartinska cesta 55, 1000 Ljubljana`. */
  address: string | null;
  /** Digits only (a `SI` VAT prefix is removed). */
  taxNumber: string | null;
  /** Without spaces, upper case. */
  iban: string | null;
}

export interface EslogRecipient {
  name: string | null;
  taxNumber: string | null;
}

export interface EslogLine {
  description: string;
  amount: number;
}

export interface EslogInvoice {
  type: 'invoice';
  number: string;
  issuedOn: IsoDate | null;
  dueOn: IsoDate | null;
  currency: string | null;
  issuer: EslogIssuer;
  recipient: EslogRecipient;
  /** The payment reference ("sklic") as written, white space collapsed: `SI19 12345678-47000`. */
  paymentReference: string | null;
  /** Amount due for payment (MOA 9; MOA 388 when 9 is absent). */
  total: number;
  lines: EslogLine[];
  /** Codes from `ESLOG_WARNINGS`, in the order found. */
  warnings: EslogWarning[];
}

export type EslogWarning =
  | 'LINES_DO_NOT_ADD_UP'
  | 'NO_LINES'
  | 'AMOUNT_DUE_MISSING'
  | 'NO_ISSUER'
  | 'NO_DUE_DATE'
  | 'NO_PAYMENT_REFERENCE'
  | 'CURRENCY_NOT_EUR';

/** What each warning means, for the popup and the CLI. */
export const ESLOG_WARNINGS: Record<EslogWarning, { sl: string; en: string }> = {
  LINES_DO_NOT_ADD_UP: {
    sl: 'Vsota vrstic računa (z davkom in zaokrožitvijo) se ne ujema z zneskom za plačilo.',
    en: 'The invoice lines (with tax and rounding) do not add up to the amount due.',
  },
  NO_LINES: { sl: 'Račun nima vrstic (G_SG26).', en: 'The invoice has no lines (G_SG26).' },
  AMOUNT_DUE_MISSING: {
    sl: 'Račun nima zneska za plačilo (MOA 9); uporabljen je skupni znesek z davkom (MOA 388).',
    en: 'The invoice has no amount due (MOA 9); the total with tax (MOA 388) is used.',
  },
  NO_ISSUER: { sl: 'Račun ne navaja izdajatelja (NAD SE/II).', en: 'The invoice names no issuer (NAD SE/II).' },
  NO_DUE_DATE: { sl: 'Račun nima roka plačila (DTM 13).', en: 'The invoice has no due date (DTM 13).' },
  NO_PAYMENT_REFERENCE: { sl: 'Račun nima sklica za plačilo (RFF PQ).', en: 'The invoice has no payment reference (RFF PQ).' },
  CURRENCY_NOT_EUR: { sl: 'Valuta računa ni EUR.', en: 'The invoice currency is not EUR.' },
};
