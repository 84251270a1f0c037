/** An explanation as the clerk reads it: each step's text, its CONVENTION/UNCONFIRMED mark and its legal reference. */
import type { TraceStep } from '../../lib/compensation/index.ts';
import { t } from '../../shared/i18n.ts';
import { inUserLanguage } from '../format.ts';

export function Trace({ steps, id = 'trace', title = t('popup_trace') }: { steps: readonly TraceStep[]; id?: string; title?: string }) {
  return (
    <section aria-labelledby={`${id}-title`} class="trace" data-testid={id}>
      <h4 id={`${id}-title`}>{title}</h4>
      <ol>
        {steps.map((s, i) => (
          <li key={i} class="trace__step" data-step={s.step}>
            <span class="trace__text">{inUserLanguage(s)}</span>
            {s.status && (
              <span class={`mark mark--${s.status.toLowerCase()}`} title={t(`popup_markTitle_${s.status}`)}>
                {' '}{t(`popup_mark_${s.status}`)}
              </span>
            )}
            <small class="trace__ref">{t('popup_legalRef', s.ref)}</small>
          </li>
        ))}
      </ol>
    </section>
  );
}
