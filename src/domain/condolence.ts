// A condolence visit (慰问) consoles seconded cadres (docs/API.md): it names how many it
// visits, at least one; a visit with no cadres and no money had no substance. Plan requests of
// that kind carry the number too, since committing one books the visit.
import type { ValidationIssue } from './types.js';

export function condolenceIssues(fields: { kind: string; cadresVisited?: number | null }): ValidationIssue[] {
  if (fields.kind !== 'condolence' || (fields.cadresVisited ?? 0) >= 1) return [];
  return [{ path: 'cadresVisited', message: 'a condolence visit needs the number of cadres it visits (at least 1)' }];
}
