/** Texts of the engine's warning codes (CASES.md lists the codes cases use). */
export const WARNING_TEXTS: Readonly<Record<string, { sl: string; en: string }>> = {
  ZZZS_BASE_FROM_CURRENT_YEAR: {
    sl: 'Za preteklo leto ni uporabnih podatkov; osnova ZZZS je iz tekočega leta do meseca pred začetkom odsotnosti.',
    en: 'No usable data for the previous year; the ZZZS base uses the current year up to the month before the absence.',
  },
  ZZZS_BASE_FROM_EARLIER_YEAR: {
    sl: 'Osnova ZZZS je iz zadnjega prejšnjega leta s podatki, pomnožena s količnikom valorizacije. Preverite količnik.',
    en: 'The ZZZS base is from the latest earlier year with data, multiplied by the valorisation coefficient. Check the coefficient.',
  },
  NO_BASE_DATA: {
    sl: 'Ni podatkov za osnovo: znesek ni izračunan. Prenesite podatke FURS ali vnesite plače ročno.',
    en: 'No base data: the amount is not computed. Download the FURS data or enter the pay by hand.',
  },
  BLANK_CELLS: {
    sl: 'Nekatere celice zneskov ali ur so prazne; štete so kot 0.',
    en: 'Some amount or hour cells are blank; they count as 0.',
  },
  NO_DATA_IN_DISCLOSURE: {
    sl: 'FURS za eno od obdobij sporoča »NI PODATKOV«.',
    en: 'FURS reports "NI PODATKOV" (no data) for one of the periods.',
  },
  AMOUNT_WITHOUT_HOURS: {
    sl: 'Vrstice z zneskom, a brez ur: urne osnove iz njih ni mogoče izračunati.',
    en: 'Rows with an amount but no hours: no hourly base can be derived from them.',
  },
  PARENTAL_40_HOURS_2023: {
    sl: 'Starševsko nadomestilo v prvi polovici 2023 je prikazano s 40 urami (popravek REK-1b). Vnesite dejanske mesečne ure.',
    en: 'Parental compensation in H1 2023 shows 40 hours (REK-1b correction pending). Enter the actual monthly hours.',
  },
  POSSIBLE_RECURRENCE: {
    sl: 'Odsotnost se začne manj kot 10 delovnih dni po prejšnji. Če gre za isto bolezen, to potrdite: ZZZS lahko plača od prvega dne.',
    en: 'The absence starts less than 10 working days after the previous one. If it is the same illness, confirm it: ZZZS may pay from day one.',
  },
  EMPLOYER_BASE_MONTHS_MISSING: {
    sl: 'Za osnovo delodajalca manjka podatek za katerega od predpisanih mesecev; uporabljeni so razpoložljivi meseci.',
    en: 'Data for one of the months of the employer base is missing; the available months are used.',
  },
  EXCLUDED_ALLOWANCES_EXCEED_BASE: {
    sl: 'Izločeni dodatki presegajo znesek osnove; osnova je postavljena na 0.',
    en: 'Excluded allowances exceed the base amount; the base is set to 0.',
  },
  UNKNOWN_REASON: {
    sl: 'Potrdilo ima neznan razlog zadržanosti in ni vključeno v izračun.',
    en: 'The certificate has an unknown reason code and is left out of the computation.',
  },
  OVERLAPPING_CERTIFICATES: {
    sl: 'Potrdila se prekrivajo; prekrivajoči se dnevi so šteti le enkrat.',
    en: 'Certificates overlap; the overlapping days are counted once.',
  },
  PARAMETER_MISSING: {
    sl: 'Manjka parameter (minimalna ali povprečna plača) za mesec: spodnja ali zgornja meja ni upoštevana. Vnesite ga v nastavitvah.',
    en: 'A parameter (minimum or average wage) is missing for the month: the floor or cap is not applied. Enter it in settings.',
  },
  NO_CERTIFICATES: {
    sl: 'Ni veljavnih potrdil za izračun.',
    en: 'No valid certificates to compute.',
  },
};

export function warningText(code: string): { sl: string; en: string } {
  return WARNING_TEXTS[code] ?? { sl: code, en: code };
}
