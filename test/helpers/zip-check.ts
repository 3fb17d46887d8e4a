// Checks a downloaded archive with tools that are not ours: Info-ZIP's `unzip -t` tests every
// entry's CRC, `unzip -d` extracts it, and each file's SHA-256 is compared with manifest.json.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { sha256 } from './documents.js';

export interface Manifest {
  year: number;
  generatedAt: string;
  files: { path: string; sha256: string; size: number; document?: Record<string, unknown> }[];
}

export interface CheckedArchive {
  manifest: Manifest;
  /** Where it was extracted. */
  dir: string;
  /** Every extracted file, relative to dir. */
  paths: string[];
  /** `unzip -t`'s report. */
  tested: string;
  read: (path: string) => Buffer;
}

const UTF8 = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };

export function checkArchive(zipPath: string): CheckedArchive {
  const tested = execFileSync('unzip', ['-t', zipPath], { env: UTF8, maxBuffer: 64 * 1024 * 1024 }).toString();
  const dir = mkdtempSync(join(tmpdir(), 'planner-archive-'));
  execFileSync('unzip', ['-q', '-d', dir, zipPath], { env: UTF8 });
  const paths = walk(dir)
    .map((p) => relative(dir, p))
    .sort();
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  for (const file of manifest.files) {
    const bytes = readFileSync(join(dir, file.path));
    if (sha256(bytes) !== file.sha256) throw new Error(`${file.path}: SHA-256 differs from manifest.json`);
    if (bytes.byteLength !== file.size) throw new Error(`${file.path}: size differs from manifest.json`);
  }
  return { manifest, dir, paths, tested, read: (path) => readFileSync(join(dir, path)) };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
