import { countryOf, emsoFacts, type Posting } from '../../lib/a1.ts';
import type { EmployerRow } from '../rows.ts';
import type { FillStep } from './fill.ts';
import type { A1Field } from './a1Labels.ts';
import { slovenianDate, type FieldValue } from './setValue.ts';

export { A1_LABELS, type A1Field } from './a1Labels.ts';

/** The values of an A1 application from a posting and the employer profile, for review and fill. */
export function a1Plan(posting: Posting, employer: EmployerRow): FillStep<A1Field>[] {
  const steps: FillStep<A1Field>[] = [];
  const text = (field: A1Field, value: string | undefined | null): void => {
    if (value && value.trim()) steps.push({ field, line: null, value: { kind: 'text', text: value.trim() }, display: value.trim() });
  };
  const date = (field: A1Field, iso: string | null): void => {
    if (iso) steps.push({ field, line: null, value: { kind: 'date', iso }, display: slovenianDate(iso) });
  };
  const option = (field: A1Field, value: FieldValue & { kind: 'option' }, display: string): void => { steps.push({ field, line: null, value, display }); };
  const p = posting.person;
  const facts = emsoFacts(p.emso);
  text('registrationNumber', employer.registrationNumber);
  text('applicantName', employer.name);
  text('seat', employer.seat);
  text('phone', employer.phone);
  text('email', employer.email);
  text('emso', p.emso);
  if (facts.sex) option('sex', { kind: 'option', value: facts.sex, text: facts.sex === 'M' ? 'moški' : 'ženski' }, facts.sex === 'M' ? 'moški' : 'ženski');
  text('surname', p.surname);
  text('name', p.name);
  text('surnameAtBirth', p.surnameAtBirth ?? p.surname);
  date('birthDate', facts.birthDate);
  text('birthPlace', p.birthPlace);
  text('citizenship', p.citizenship);
  text('addressInSlovenia', p.addressInSlovenia);
  text('addressAbroad', p.addressAbroad);
  date('start', posting.start);
  date('end', posting.end);
  const country = countryOf(posting.country);
  option('country', { kind: 'option', value: posting.country.toUpperCase(), text: country?.sl ?? posting.country }, country?.sl ?? posting.country);
  text('placeOfWork', posting.placeOfWork);
  text('clientName', posting.client.name);
  text('clientAddress', posting.client.address);
  text('clientTaxNumber', posting.client.taxNumber);
  text('tasks', posting.tasks);
  return steps;
}
