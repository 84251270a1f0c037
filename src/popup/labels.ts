/** Names of codes the popup shows (reasons, statuses, payers), in the user's language. */
import { REASONS, reasonOf } from '../lib/rules/reasons.ts';
import { t, userLanguage } from '../shared/i18n.ts';

/** `01 – bolezen` / `01 – illness`; an unknown code as it is. */
export function reasonName(code: string): string {
  const r = reasonOf(code);
  return r ? `${code} – ${userLanguage() === 'en' ? r.en : r.sl}` : code;
}

export const REASON_CODES: readonly string[] = REASONS.map((r) => r.code);

export function statusName(status: 'issued' | 'cancelled'): string {
  return status === 'issued' ? t('popup_status_issued') : t('popup_status_cancelled');
}

export function payerName(payer: 'employer' | 'zzzs'): string {
  return payer === 'employer' ? t('popup_payer_employer') : t('popup_payer_zzzs');
}
