// A record's history from the audit log, oldest first. Visits and receptions write their rows in
// the same batch as the status change (visit-writes.ts, receptions.ts), tagged with the entity.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { auditLog, users } from '../schema.js';

export type AuditedEntity = 'visit' | 'reception';

export async function auditHistory(db: Db, entity: AuditedEntity, id: string) {
  return db
    .select({
      at: auditLog.at,
      actorId: auditLog.actorId,
      action: auditLog.action,
      fromStatus: auditLog.fromStatus,
      toStatus: auditLog.toStatus,
      note: auditLog.note,
    })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.id));
}

/** The history with who acted: each entry's account name (display name, else e-mail) and role, in one query. */
export async function auditHistoryWithActors(db: Db, entity: AuditedEntity, id: string) {
  return db
    .select({
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: sql<string | null>`coalesce(${users.displayName}, ${users.email})`,
      actorRole: users.role,
      action: auditLog.action,
      fromStatus: auditLog.fromStatus,
      toStatus: auditLog.toStatus,
      note: auditLog.note,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.id));
}
