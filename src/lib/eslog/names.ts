/**
 * The eSLOG 2.0 element names and qualifier codes the invoice reader knows, in one table
 * (FORMATS.md rule 1: adapting to a changed format is a one-file change). eSLOG 2.0 is the
 * XML rendering of the EDIFACT INVOIC message: groups `G_SGn`, segments `S_xxx`, composites
 * `C_Cnnn`, data elements `D_nnnn`; what a value means is said by a qualifier next to it
 * (`D_2005` for dates, `D_5025` for amounts, `D_1153` for references, `D_3035` for parties).
 * Names are compared by local name, so a namespace prefix does not matter.
 */
export const ESLOG_NAMES = {
  root: ['Invoice'],
  message: ['M_INVOIC'],

  bgm: ['S_BGM'],
  documentIdComposite: ['C_C106'],
  documentNumber: ['D_1004'],

  dtm: ['S_DTM'],
  dtmComposite: ['C_C507'],
  dtmQualifier: ['D_2005'],
  dtmValue: ['D_2380'],

  ftx: ['S_FTX'],
  pai: ['S_PAI'],

  referenceGroup: ['G_SG1'],
  partyReferenceGroup: ['G_SG3'],
  rff: ['S_RFF'],
  rffComposite: ['C_C506'],
  rffQualifier: ['D_1153'],
  rffValue: ['D_1154'],

  partyGroup: ['G_SG2'],
  nad: ['S_NAD'],
  partyQualifier: ['D_3035'],
  nameComposite: ['C_C080'],
  name: ['D_3036'],
  streetComposite: ['C_C059'],
  street: ['D_3042'],
  city: ['D_3164'],
  postcode: ['D_3251'],
  fii: ['S_FII'],
  accountComposite: ['C_C078'],
  iban: ['D_3194'],

  currencyGroup: ['G_SG7'],
  cux: ['S_CUX'],
  currencyComposite: ['C_C504'],
  currency: ['D_6345'],

  paymentTermsGroup: ['G_SG8'],

  lineGroup: ['G_SG26'],
  imd: ['S_IMD'],
  descriptionComposite: ['C_C273'],
  description: ['D_7008'],
  lineAmountGroup: ['G_SG27'],

  totalsGroup: ['G_SG50'],
  moa: ['S_MOA'],
  moaComposite: ['C_C516'],
  moaQualifier: ['D_5025'],
  moaValue: ['D_5004'],
} as const;

/** `D_2005` (UN/EDIFACT 2005). */
export const DATE_QUALIFIERS = { issued: '137', delivery: '35', due: '13' } as const;

/** `D_5025` (UN/EDIFACT 5025), as eSLOG 2.0 uses them. */
export const AMOUNT_QUALIFIERS = {
  /** Line: net line amount (quantity × net price). */
  lineAmount: '203',
  /** Line: item amount, used by some generators instead of 203. */
  lineItemAmount: '38',
  /** Totals: amount due for payment — what the bank pays. */
  amountDue: '9',
  /** Totals: invoice total with tax. */
  totalWithTax: '388',
  taxableAmount: '389',
  linesTotal: '79',
  taxAmount: '176',
  prepaid: '113',
  rounding: '366',
} as const;

/** `D_3035` (UN/EDIFACT 3035): who a `S_NAD` describes, in order of preference. */
export const PARTY_QUALIFIERS = {
  issuer: ['SE', 'II'],
  recipient: ['BY', 'IV'],
  payee: ['PE'],
} as const;

/** `D_1153` (UN/EDIFACT 1153). */
export const REFERENCE_QUALIFIERS = {
  payment: 'PQ',
  vat: 'VA',
  taxRegistration: 'AHP',
} as const;
