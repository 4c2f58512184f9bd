// Looks for a secret in everything a VS Code session left behind: every regular file under the run
// folder (user-data dir with its logs and output channels, extension storage, XDG folders, the
// on-disk browser profile with IndexedDB and local storage) and any text the test collected.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The byte patterns a secret can take when written somewhere. */
export type SecretForms = Record<string, Buffer>;

/** A token as typed, in HTTP Basic credentials, URL-encoded, and as UTF-16 (how browsers store two-byte strings). */
export function tokenForms(authId: string, token: string): SecretForms {
  return {
    token: Buffer.from(token, 'utf8'),
    'token (UTF-16LE)': Buffer.from(token, 'utf16le'),
    'Basic credentials': Buffer.from(Buffer.from(`${authId}:${token}`).toString('base64'), 'utf8'),
    'token (URL-encoded)': Buffer.from(encodeURIComponent(token), 'utf8'),
  };
}

/** Where one form was found. */
export interface SecretFinding {
  file: string;
  form: string;
}

export interface ScanReport {
  files: number;
  bytes: number;
  findings: SecretFinding[];
  /** Relative paths of the files scanned, to check that the places that matter were covered. */
  scanned: string[];
}

// LevelDB compresses the tables it compacts (.ldb/.sst) with Snappy, which would hide a match from a
// byte search; its write-ahead .log is plain. A short session never compacts, so a table is refused
// loudly rather than searched blindly.
const COMPRESSED_TABLE = /\.(ldb|sst)$/;

/** Searches every regular file under `root` for every form. */
export function scanFiles(root: string, forms: SecretForms): ScanReport {
  const report: ScanReport = { files: 0, bytes: 0, findings: [], scanned: [] };
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    // Sockets, FIFOs and links (code-server's IPC socket, chromium's singleton links) hold no data.
    if (!lstatSync(path).isFile()) continue;
    const shown = relative(root, path);
    if (COMPRESSED_TABLE.test(entry.name) && path.includes('leveldb')) {
      throw new Error(`${shown} is a compressed LevelDB table: a byte search cannot see inside it; decompress it before scanning`);
    }
    const bytes = readFileSync(path);
    report.files++;
    report.bytes += bytes.length;
    report.scanned.push(shown);
    for (const [form, pattern] of Object.entries(forms)) {
      if (bytes.includes(pattern)) report.findings.push({ file: shown, form });
    }
  }
  return report;
}

/** The forms found in a piece of text (a clipboard, a copied snippet, an open document). */
export function formsInText(text: string, forms: SecretForms): string[] {
  const bytes = Buffer.from(text, 'utf8');
  return Object.entries(forms).filter(([, pattern]) => bytes.includes(pattern)).map(([form]) => form);
}
