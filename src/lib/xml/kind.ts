import { hasName, findFirst } from './query.ts';
import type { XmlNode } from './node.ts';

/**
 * Which reader an arbitrary XML file belongs to, so that the companion and the popup can
 * route a dropped file. Decided by the root's name first, then by elements only one kind
 * of document has.
 */
export type XmlKind = 'disclosure' | 'certificate' | 'unknown';

export const CERTIFICATE_ROOT_NAMES = ['ePotrdilo', 'EBol', 'ePODK', 'ePotrdila', 'Potrdilo', 'Potrdila', 'eBOLi'] as const;
const DISCLOSURE_ROOT_NAMES = ['PodatkiZaIzracunOsnove', 'PodatkiZaIzracunOsnov', 'IzracunOsnove', 'Osnova', 'Osnove'] as const;
const CERTIFICATE_MARKERS = ['ZadrzanOd', 'ZadrzanDo', 'RazlogZadrzanosti', 'StevilkaEBOL', 'StevilkaPotrdila', 'Zavarovanec'] as const;
const DISCLOSURE_MARKERS = ['StevilkaPoizvedbe', 'ObdobjeOsnoveOd', 'ObdobjeOsnove', 'VrstaOsnove', 'NiPodatkov', 'Vrstica'] as const;

export function detectXmlKind(root: XmlNode): XmlKind {
  if (hasName(root, DISCLOSURE_ROOT_NAMES)) return 'disclosure';
  if (hasName(root, CERTIFICATE_ROOT_NAMES)) return 'certificate';
  const skip = { skip: ['Signature'] };
  if (findFirst(root, DISCLOSURE_MARKERS, skip)) return 'disclosure';
  if (findFirst(root, CERTIFICATE_MARKERS, skip)) return 'certificate';
  return 'unknown';
}
