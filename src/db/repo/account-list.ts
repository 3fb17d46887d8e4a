// The office's account list: filtered, searched, paged by key in e-mail order (e-mails are
// unique, so the order is stable and the last e-mail shown is the whole cursor).
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Role } from '../../domain/types.js';
import type { Db } from '../client.js';
import { users } from '../schema.js';
import { type AccountRow, accountColumns } from './users.js';

export interface AccountFilter {
  role?: Role;
  unitId?: string;
  regionId?: string;
  active?: boolean;
  /** A piece of the e-mail or the display name, any case. */
  q?: string;
}

/** Up to `limit` accounts after the e-mail `after` (null: from the start). */
export async function listAccounts(db: Db, filter: AccountFilter, page: { after: string | null; limit: number }): Promise<AccountRow[]> {
  const q = filter.q?.toLowerCase();
  return db
    .select(accountColumns)
    .from(users)
    .where(
      and(
        filter.role ? eq(users.role, filter.role) : undefined,
        filter.unitId ? eq(users.unitId, filter.unitId) : undefined,
        filter.regionId ? eq(users.regionId, filter.regionId) : undefined,
        filter.active === undefined ? undefined : eq(users.active, filter.active),
        // instr, not LIKE: the search text is matched as it is, `%` and `_` included.
        q ? sql`(instr(lower(${users.email}), ${q}) > 0 OR instr(lower(coalesce(${users.displayName}, '')), ${q}) > 0)` : undefined,
        page.after === null ? undefined : gt(users.email, page.after),
      ),
    )
    .orderBy(asc(users.email))
    .limit(page.limit);
}
