// The Worker bundle (what `wrangler deploy` uploads) reaches node:crypto only at run time through
// process.getBuiltinModule, never by a static import: the password hashing (src/lib/
// password-hash.ts) and the token hash (src/lib/crypto.ts) included.
import { expect, it } from 'vitest';
import { buildWorkerBundle, STARTUP_TIMEOUT_MS } from './helpers/wrangler.js';

it(
  'has no static node: import from the app’s own code, password hashing included',
  async () => {
    const { code, metafile } = await buildWorkerBundle();
    const own = Object.entries(metafile.inputs).filter(([file]) => file.startsWith('src/'));
    expect(own.map(([file]) => file)).toEqual(expect.arrayContaining(['src/lib/password-hash.ts', 'src/lib/crypto.ts', 'src/worker.ts']));
    const nodeImports = own.flatMap(([file, input]) =>
      input.imports.filter((i) => i.path.startsWith('node:')).map((i) => `${file} → ${i.path}`),
    );
    expect(nodeImports).toEqual([]);
    expect(code).not.toMatch(/\b(?:from\s*|require\(\s*|import\(\s*)["']node:crypto["']/);
  },
  STARTUP_TIMEOUT_MS,
);
