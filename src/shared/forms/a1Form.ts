import type { LabelTable } from '../../lib/text/labels.ts';
import { countryOf, emsoFacts, type Posting } from '../../lib/a1.ts';
import type { EmployerRow } from '../rows.ts';
import type { FillStep } from './fill.ts';
import { slovenianDate, type FieldValue } from './setValue.ts';

/**
 * SPOT's A1 application ("Nova vloga za napotitev po ZČmIS (čl. 12 Uredbe)"), RULES §9: its ONE
 * label table. Client fields sit under "Naročnik storitve", so they are listed with that
 * section's name in front (see `locateFields`).
 */
export const A1_LABELS = {
  registrationNumber: ['Matična številka', 'Matična številka delodajalca'],
  applicantName: ['Naziv', 'Naziv delodajalca', 'Naziv vlagatelja', 'Firma'],
  seat: ['Sedež', 'Naslov sedeža'],
  phone: ['Telefon', 'Telefonska številka'],
  email: ['E-pošta', 'Elektronska pošta', 'E-naslov'],
  emso: ['EMŠO'],
  sex: ['Spol'],
  surname: ['Priimek'],
  name: ['Ime'],
  surnameAtBirth: ['Priimek ob rojstvu', 'Rojstni priimek'],
  birthDate: ['Datum rojstva'],
  birthPlace: ['Kraj rojstva'],
  citizenship: ['Državljanstvo'],
  addressInSlovenia: ['Naslov v Sloveniji', 'Naslov stalnega prebivališča'],
  addressAbroad: ['Naslov v tujini', 'Naslov v času napotitve'],
  start: ['Datum začetka napotitve', 'Začetek napotitve', 'Napotitev od'],
  end: ['Datum konca napotitve', 'Konec napotitve', 'Napotitev do'],
  country: ['Država', 'Država napotitve'],
  placeOfWork: ['Kraj opravljanja dela', 'Kraj dela'],
  clientName: ['Naročnik storitve naziv', 'Naziv naročnika', 'Naročnik storitve'],
  clientAddress: ['Naročnik storitve naslov', 'Naslov naročnika'],
  clientTaxNumber: ['Naročnik storitve davčna številka', 'Davčna številka naročnika', 'Identifikacijska številka naročnika'],
  tasks: ['Opis del in nalog', 'Opis dela', 'Naloge'],
} as const satisfies LabelTable<string>;

export type A1Field = keyof typeof A1_LABELS;

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
