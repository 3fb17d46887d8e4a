// Warnings a visit carries without being refused (CONTRACT.md: CONDOLENCE_IMBALANCE).
import type { Db } from '../client.js';
import type { VisitRow } from './visits.js';

export interface VisitWarning {
  code: string;
  metric?: string;
  value?: number;
  median?: number;
}

export async function visitWarnings(_db: Db, _visit: VisitRow): Promise<VisitWarning[]> {
  return [];
}
