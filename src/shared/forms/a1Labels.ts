import type { LabelTable } from '../../lib/text/labels.ts';

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
