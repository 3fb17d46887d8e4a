// The year's archive (档案, docs/API.md): one ZIP with the year's visits, receptions and
// history as sheets, each reception's list (接待清单), every document of those records (withdrawn
// ones too) and manifest.json with every file's SHA-256, so the archive can be verified after
// it leaves the system. The sheets are made first (their size follows the number of records);
// the documents are streamed from the store one after another as the client reads, so memory
// does not grow with their size. client-zip writes the ZIP (stored entries, ZIP64 when needed).
import { makeZip, predictLength } from 'client-zip';
import { accountNames, auditEntriesOfYear, documentsOfYear, receptionsOfYear, visitsOfYear } from '../db/repo/archive.js';
import type { DocumentRow } from '../db/repo/documents.js';
import { receptionView } from '../db/repo/receptions.js';
import { listRegions, listUnits } from '../db/repo/reference.js';
import type { Actor } from '../domain/actor.js';
import { uniqueName } from '../domain/documents.js';
import { sha256HexOfBytes } from '../lib/crypto.js';
import { historyCsv, receptionsCsv, visitsCsv } from './archive-csv.js';
import type { ServiceDeps } from './deps.js';
import { forbidden } from './errors.js';
import { receptionListCsv, receptionListOf } from './reception-list.js';

export interface YearArchive {
  filename: string;
  /** Exact, known before the first byte: the ZIP's layout follows from the files' sizes. */
  size: number;
  body: ReadableStream<Uint8Array>;
}

interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
  document?: {
    id: string;
    recordType: string;
    recordId: string;
    kind: string;
    filename: string;
    contentType: string;
    uploadedAt: string;
    uploadedBy: string;
    withdrawnAt: string | null;
  };
}

interface MadeFile {
  path: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** The year as lived in Asia/Shanghai (UTC+8, no daylight saving), in UTC instants. */
function yearBounds(year: number) {
  return {
    year,
    fromInstant: new Date(Date.UTC(year, 0, 1) - 8 * 3600_000).toISOString(),
    toInstant: new Date(Date.UTC(year + 1, 0, 1) - 8 * 3600_000).toISOString(),
  };
}

export async function yearArchive(deps: ServiceDeps, actor: Actor, year: number): Promise<YearArchive> {
  if (actor.role !== 'office') throw forbidden('Only the office may export the archive.');
  const { db } = deps;
  const [visits, receptions, history, documents, units, regions, accounts] = await Promise.all([
    visitsOfYear(db, year),
    receptionsOfYear(db, year),
    auditEntriesOfYear(db, yearBounds(year)),
    documentsOfYear(db, year),
    listUnits(db),
    listRegions(db),
    accountNames(db),
  ]);
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const regionNames = new Map(regions.map((r) => [r.id, r.name]));
  const unitName = (id: string) => unitNames.get(id) ?? id;
  const regionName = (id: string) => regionNames.get(id) ?? id;
  const encode = (text: string) => new TextEncoder().encode(text);

  const made: MadeFile[] = [
    { path: 'visits.csv', bytes: encode(visitsCsv(visits, unitName, regionName)) },
    { path: 'receptions.csv', bytes: encode(receptionsCsv(receptions, unitName, regionName)) },
    { path: 'history.csv', bytes: encode(historyCsv(history, (id) => accounts.get(id) ?? '')) },
    ...receptions.map((row) => {
      const view = receptionView(row);
      const list = receptionListOf(
        view,
        { id: view.hostUnitId, name: unitName(view.hostUnitId) },
        { id: view.regionId, name: regionName(view.regionId) },
      );
      return { path: `reception-lists/${view.id}.csv`, bytes: encode(receptionListCsv(list)) };
    }),
  ];
  const manifest: ManifestFile[] = [];
  for (const file of made) manifest.push({ path: file.path, sha256: await sha256HexOfBytes(file.bytes), size: file.bytes.byteLength });
  const placed = placeDocuments(documents);
  for (const { path, row } of placed) manifest.push({ path, sha256: row.sha256, size: row.size, document: documentEntry(row) });

  const now = deps.now();
  const manifestBytes = encode(
    `${JSON.stringify({ year, generatedAt: now.toISOString(), generatedBy: actor.id, algorithm: 'sha256', files: manifest }, null, 2)}\n`,
  );
  const sizes = [
    ...made.map((f) => ({ name: f.path, size: f.bytes.byteLength })),
    ...placed.map((d) => ({ name: d.path, size: d.row.size })),
  ];
  sizes.push({ name: 'manifest.json', size: manifestBytes.byteLength });

  async function* entries() {
    for (const file of made) yield { name: file.path, lastModified: now, input: file.bytes };
    for (const { path, row } of placed) {
      const stored = await deps.files.open(row.sha256);
      // Rows are written only after their bytes are stored: a missing file is a broken store,
      // and the archive must then fail rather than silently leave a document out.
      if (!stored) throw new Error(`archive ${year}: the file store has no ${row.sha256} (document ${row.id})`);
      yield { name: path, lastModified: new Date(row.uploadedAt), input: stored.body, size: stored.size };
    }
    yield { name: 'manifest.json', lastModified: now, input: manifestBytes };
  }

  return { filename: `archive-${year}.zip`, size: Number(predictLength(sizes)), body: makeZip(entries()) };
}

/** Each document's place: documents/<recordId>/<its file name, made unique within the record>. */
function placeDocuments(rows: DocumentRow[]): { path: string; row: DocumentRow }[] {
  const takenByRecord = new Map<string, Set<string>>();
  return rows.map((row) => {
    const taken = takenByRecord.get(row.recordId) ?? new Set<string>();
    takenByRecord.set(row.recordId, taken);
    return { path: `documents/${row.recordId}/${uniqueName(row.filename, taken)}`, row };
  });
}

function documentEntry(row: DocumentRow): ManifestFile['document'] {
  return {
    id: row.id,
    recordType: row.recordType,
    recordId: row.recordId,
    kind: row.kind,
    filename: row.filename,
    contentType: row.contentType,
    uploadedAt: row.uploadedAt,
    uploadedBy: row.uploadedBy,
    withdrawnAt: row.withdrawnAt,
  };
}
