import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, open, realpath, stat, unlink } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { exportFileNameProblem, FILE_NAME_PROBLEMS } from '../../shared/protocol/native.ts';
import { NativeError } from './errors.ts';

/**
 * Saves an export the extension sends into the folder the user configured — there and
 * nowhere else:
 *
 * - the name must be a plain file name (`exportFileNameProblem`: no path, no `..`, no NUL
 *   or control characters, no drive or stream colon, no Windows device names, a known
 *   extension);
 * - the folder is resolved once (`realpath`) and the file is created inside it;
 * - an existing file is never overwritten, nor written through: the file is written to a
 *   temporary name and then hard-linked to its final name, which fails when that name
 *   exists in any form (file, folder, symbolic link — even one pointing out of the folder);
 *   then ` (2)`, ` (3)` … is tried. A payroll program watching the folder never sees a
 *   half-written file. Where hard links are not supported the final name is created with
 *   O_EXCL | O_NOFOLLOW, which refuses the same things;
 * - readable and writable by the user only (0600): it is a tax secret.
 */
const MAX_COPIES = 999;

function candidate(fileName: string, n: number): string {
  if (n === 1) return fileName;
  const ext = extname(fileName);
  return `${fileName.slice(0, fileName.length - ext.length)} (${n})${ext}`;
}

async function exportFolder(dir: string | undefined): Promise<string> {
  if (!dir) throw new NativeError('NO_EXPORT_DIR', 'Mapa za izvoze ni nastavljena. Nastavite jo z ukazom »spot-companion config --export-dir MAPA«.');
  const real = await realpath(dir).catch(() => null);
  const s = real ? await stat(real).catch(() => null) : null;
  if (!real || !s?.isDirectory()) throw new NativeError('NO_EXPORT_DIR', `Mapa za izvoze »${dir}« ne obstaja ali ni mapa.`);
  return real;
}

async function writeNew(path: string, data: Buffer, flags: number): Promise<void> {
  const handle = await open(path, flags, 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const CREATE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

export async function saveExport(dir: string | undefined, fileName: string, text: string): Promise<{ path: string; fileName: string }> {
  const problem = exportFileNameProblem(fileName);
  if (problem) throw new NativeError('UNSAFE_NAME', `Ime datoteke »${fileName}« ni dovoljeno: ${FILE_NAME_PROBLEMS[problem]}.`);
  const folder = await exportFolder(dir);
  const data = Buffer.from(text, 'utf8');
  const tmp = join(folder, `.spot-pomocnik-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeNew(tmp, data, CREATE);
  } catch (e) {
    throw new NativeError('WRITE_FAILED', `V mapo »${folder}« ni mogoče pisati (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
  }
  let hardLinks = true;
  try {
    for (let n = 1; n <= MAX_COPIES; n++) {
      const name = candidate(fileName, n);
      const target = join(folder, name);
      try {
        if (hardLinks) await link(tmp, target);
        else await writeNew(target, data, CREATE);
        return { path: target, fileName: name };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST' || code === 'ELOOP' || code === 'EISDIR') continue;
        if (hardLinks && (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS' || code === 'EXDEV')) {
          hardLinks = false;
          n--;
          continue;
        }
        throw new NativeError('WRITE_FAILED', `Datoteke »${name}« ni mogoče zapisati v »${folder}« (${code ?? String(e)}).`);
      }
    }
    throw new NativeError('WRITE_FAILED', `V mapi »${folder}« je že ${MAX_COPIES} datotek z imenom »${fileName}«.`);
  } finally {
    await unlink(tmp).catch(() => {});
  }
}
