/**
 * The local companion's native-messaging host, seen from both sides: the wire format the
 * background and `spot-companion native-host` speak (one JSON message each way, framed by
 * the browser: 32-bit native-endian length + UTF-8 JSON), the limits, and the `ui:native*`
 * messages the popup sends to the background.
 *
 * Type-only imports and pure functions: the companion (Node) imports this file too.
 *
 * The extension works fully without the host. `nativeMessaging` is an *optional*
 * permission: the popup asks for it with `browser.permissions.request({ permissions:
 * ['nativeMessaging'] })` from a click handler (a user gesture), and only then the
 * background may talk to the host.
 */

/** The host's registered name (lowercase letters, digits, `_` and `.`, as browsers require). */
export const NATIVE_HOST_NAME = 'si.spot_pomocnik.companion';

/** The add-on id Firefox reports to the host (`browser_specific_settings.gecko.id`). */
export const FIREFOX_EXTENSION_ID = 'spot-pomocnik@pomocnik.si';

export const NATIVE_LIMITS = {
  /** Browsers refuse a message from a host larger than 1 MB. */
  toExtensionBytes: 1024 * 1024,
  /** Chrome allows 4 GB towards a host; the host refuses anything over this. */
  toHostBytes: 64 * 1024 * 1024,
  /** Largest export the background hands to the host (UTF-8 bytes of the text). */
  exportBytes: 32 * 1024 * 1024,
  /** File names the host writes: bytes of UTF-8. */
  fileNameBytes: 200,
} as const;

/** What the host answers to `status`. */
export interface NativeStatus {
  version: string;
  /** The folder exports are saved into, or null until the user has chosen one. */
  exportDir: string | null;
  /** The folder `listNewFurs` looks into. */
  downloadDir: string;
}

/** One FURS file handed to the extension: its decoded text and what the readers saw in it. */
export interface NativeFursFile {
  name: string;
  /** ISO timestamp of the file's last change. */
  modifiedAt: string;
  size: number;
  type: 'disclosure' | 'certificates';
  /** The file's text, decoded (UTF-8, UTF-16 or Windows-1250) by the same reader the extension uses. */
  text: string;
}

export interface NativeNewFurs {
  files: NativeFursFile[];
  /** FURS files too large for one message (1 MB): named, with a Slovenian explanation. */
  tooLarge: { name: string; size: number; message: string }[];
  /** CSV/XML files in the folder that are not FURS disclosures or eBOL/ePODK certificates. */
  ignored: number;
  /** Present when more files wait: pass it back as `cursor` to get the next page. */
  next?: string;
  /** When the folder was looked at; the next call's `since`. */
  checkedAt: string;
}

/** Requests to the host. `id` (optional) is echoed back. */
export type NativeRequest =
  | { id?: string | number; command: 'status' }
  | { id?: string | number; command: 'saveExport'; fileName: string; text: string }
  | { id?: string | number; command: 'listNewFurs'; since?: string; cursor?: string };

export type NativeCommand = NativeRequest['command'];

export type NativeErrorCode =
  | 'BAD_JSON' // the frame is not JSON
  | 'BAD_REQUEST' // not an object, unknown command, wrong or extra fields
  | 'TOO_LARGE' // the request is over NATIVE_LIMITS.toHostBytes
  | 'RESPONSE_TOO_LARGE' // the answer would be over 1 MB
  | 'UNSAFE_NAME' // a file name with a path, `..`, NUL, a reserved name …
  | 'NO_EXPORT_DIR' // no export folder configured, or it is gone
  | 'WRITE_FAILED'
  | 'READ_FAILED'
  | 'FAILED'; // anything else (the message says what)

export type NativeResponse<T = unknown> =
  | { id?: string | number; ok: true; value: T }
  | { id?: string | number; ok: false; error: { code: NativeErrorCode; message: string } };

export interface NativeValues {
  status: NativeStatus;
  saveExport: { path: string; fileName: string };
  listNewFurs: NativeNewFurs;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
/** Extensions an export may have: what payroll programs import. */
export const EXPORT_EXTENSIONS = ['csv', 'txt', 'json', 'xml'] as const;

/** Why a name is not a plain file name the host may create (texts: `FILE_NAME_PROBLEMS`, `native_name_<code>` in _locales). */
export type FileNameProblem =
  | 'empty' | 'nul' | 'control' | 'path' | 'parent' | 'colon' | 'chars' | 'hidden' | 'edge' | 'reserved' | 'long' | 'extension';

/** Slovenian texts of the problems, for the companion (the extension uses its _locales). */
export const FILE_NAME_PROBLEMS: Readonly<Record<FileNameProblem, string>> = {
  empty: 'ime datoteke je prazno',
  nul: 'ime datoteke vsebuje znak NUL',
  control: 'ime datoteke vsebuje kontrolne znake',
  path: 'ime datoteke ne sme vsebovati poti (znakov / ali \\)',
  parent: 'ime datoteke ne sme kazati v nadrejeno mapo (..)',
  colon: 'ime datoteke ne sme vsebovati dvopičja (pogon ali tok datoteke)',
  chars: 'ime datoteke vsebuje znak, ki ni dovoljen (< > " | ? *)',
  hidden: 'ime datoteke se ne sme začeti s piko (skrita datoteka)',
  edge: 'ime datoteke se ne sme začeti s presledkom ali končati s piko ali presledkom',
  reserved: 'to je rezervirano ime naprave v sistemu Windows',
  long: `ime datoteke je predolgo (največ ${NATIVE_LIMITS.fileNameBytes} bajtov)`,
  extension: `dovoljene so le končnice ${EXPORT_EXTENSIONS.map((e) => `.${e}`).join(', ')}`,
};

/**
 * Why `name` is not a plain file name the host may create in the export folder; null when
 * it is fine. Both the background and the host check it (the host is the authority: it also
 * refuses symlinks and never overwrites).
 */
export function exportFileNameProblem(name: string): FileNameProblem | null {
  if (typeof name !== 'string' || name.trim() === '') return 'empty';
  if (name.includes('\0')) return 'nul';
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control';
  if (/[/\\]/.test(name)) return 'path';
  if (name === '.' || name.startsWith('..')) return 'parent';
  if (name.includes(':')) return 'colon';
  if (/[<>"|?*]/.test(name)) return 'chars';
  if (name.startsWith('.')) return 'hidden';
  if (/[. ]$/.test(name) || /^\s/.test(name)) return 'edge';
  if (WINDOWS_RESERVED.test(name)) return 'reserved';
  if (new TextEncoder().encode(name).length > NATIVE_LIMITS.fileNameBytes) return 'long';
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (!ext || !(EXPORT_EXTENSIONS as readonly string[]).includes(ext)) return 'extension';
  return null;
}

/** Why the host cannot be used, for `ui:nativeStatus` (texts: `native_reason_<reason>` in _locales). */
export type NativeUnavailableReason = 'noPermission' | 'hostMissing' | 'hostFailed' | 'noFolder';

export interface NativeStatusAnswer {
  available: boolean;
  /** The export folder, when the host answered and one is configured. */
  folder?: string;
  reason?: NativeUnavailableReason;
  /** The browser's or the host's own words, for a support question. */
  detail?: string;
  version?: string;
}

declare module '../messages.ts' {
  interface Protocol {
    /** Is the companion installed and allowed? Never throws for "no": answers `available: false` with a reason. */
    'ui:nativeStatus': { request: Record<string, never>; response: NativeStatusAnswer };
    /** Saves an export into the folder the user configured for the companion. */
    'ui:nativeSaveExport': { request: { fileName: string; text: string }; response: { path: string } };
    /** FURS files that appeared in the download folder since `since` (ISO timestamp; default: 30 days). */
    'ui:nativeNewFurs': { request: { since?: string }; response: NativeNewFurs };
  }
}
