/**
 * The self-employed view (issue 10, RULES §10): a person's certificates for the OPSVZ return
 * of a month, and what the user enters that certificates cannot tell (fields 120, 150, 160,
 * the insurance base, whether long-term care is paid), remembered per person and month.
 *
 * The OPSVZ fields are computed in the popup (`opsvzFields`); the background only reads the
 * certificates and keeps the inputs, in the `settings` table under
 * `selfEmployed:<workerId>:<YYYY-MM>` (no schema change; backups and "delete all" cover it).
 */
import type { IsoMonth } from '../../lib/dates.ts';
import type { CertificateRow, WorkerRow } from '../rows.ts';

/** What the user enters for one person and month; a field left blank is null or absent. */
export interface SelfEmployedInputs {
  field120?: number | null;
  field150?: number | null;
  field160?: number | null;
  /** Insurance base in euros; blank: the month's minimum base. */
  base?: number | null;
  /** Include long-term care in the expected contributions; blank: when the month has it. */
  longTermCare?: boolean | null;
}

export interface SelfEmployedMonth {
  worker: WorkerRow;
  /**
   * The person's certificates that begin on or before the month's last day, oldest first,
   * cancelled ones included: the own-burden period of an absence counts from its first day,
   * which may lie months before, and earlier absences of the year use up own-burden days.
   */
  certificates: CertificateRow[];
  /** More certificates than `SELF_EMPLOYED_MAX_CERTIFICATES`: the oldest were left out. */
  truncated: boolean;
  inputs: SelfEmployedInputs;
  /** The base entered for the nearest earlier month, offered when this month has none. */
  earlierBase: { month: IsoMonth; base: number } | null;
}

export const SELF_EMPLOYED_MAX_CERTIFICATES = 2000;
export const SELF_EMPLOYED_KEY_PREFIX = 'selfEmployed:';

/** The settings key of one person's inputs for one month. */
export const selfEmployedInputsKey = (workerId: string, month: IsoMonth): string => `${SELF_EMPLOYED_KEY_PREFIX}${workerId}:${month}`;

declare module '../messages.ts' {
  interface Protocol {
    'ui:selfEmployedMonth': { request: { employerTax: string; workerId: string; month: IsoMonth }; response: SelfEmployedMonth };
    'ui:saveSelfEmployedInputs': {
      request: { employerTax: string; workerId: string; month: IsoMonth; inputs: SelfEmployedInputs };
      response: SelfEmployedInputs;
    };
  }
}
