// The whole domain's tables. Dates are `YYYY-MM-DD` text (calendar days in Asia/Shanghai, so
// string order is date order); instants are ISO-8601 UTC text. Nothing is ever deleted: records
// move to a terminal status and every change leaves a row in `audit_log`.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const regions = sqliteTable('regions', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  hqName: text('hq_name').notNull(),
  timezone: text('timezone').notNull().default('Asia/Shanghai'),
  maxConcurrentDelegations: integer('max_concurrent_delegations').notNull(),
  minGapDays: integer('min_gap_days').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const regionBlackouts = sqliteTable(
  'region_blackouts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    regionId: text('region_id')
      .notNull()
      .references(() => regions.id),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [index('region_blackouts_region_start').on(t.regionId, t.startDate)],
);

export const units = sqliteTable('units', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['city', 'department'] }).notNull(),
  createdAt: text('created_at').notNull(),
});

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['office', 'hq', 'unit'] }).notNull(),
  unitId: text('unit_id').references(() => units.id),
  regionId: text('region_id').references(() => regions.id),
  displayName: text('display_name'),
  /** Whether notifications also go out by e-mail (the inbox fills either way). */
  emailNotifications: integer('email_notifications', { mode: 'boolean' }).notNull().default(true),
  /** A deactivated account cannot log in and has no sessions; it is never deleted (its records keep its id). */
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
  lastLoginAt: text('last_login_at'),
});

/** Bearer tokens and web sessions; only the SHA-256 of the token is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: ['api', 'web'] }).notNull(),
    csrfToken: text('csrf_token'),
    expiresAt: text('expires_at').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/**
 * Login attempts per bucket (an account, a known device, a client address), counted before the
 * password is checked: see src/domain/login-throttle.ts. In the database so the limits hold
 * across restarts, processes and Worker isolates; rows whose window has passed are deleted.
 */
export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    bucket: text('bucket').primaryKey(),
    attempts: integer('attempts').notNull(),
    windowStartedAt: text('window_started_at').notNull(),
  },
  (t) => [index('login_attempts_window').on(t.windowStartedAt)],
);

/**
 * Browsers and clients that logged in to an account before (OWASP "device cookies"): each has
 * its own attempt bucket, so failures from elsewhere cannot lock the account's owner out. Only
 * the token's SHA-256 is stored.
 */
export const loginDevices = sqliteTable(
  'login_devices',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    lastUsedAt: text('last_used_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('login_devices_user').on(t.userId, t.lastUsedAt), index('login_devices_expiry').on(t.expiresAt)],
);

/** The year's default caps for every unit. */
export const quotaDefaults = sqliteTable('quota_defaults', {
  year: integer('year').primaryKey(),
  maxBatches: integer('max_batches').notNull(),
  maxHeadcountPerBatch: integer('max_headcount_per_batch').notNull(),
  maxPersonTrips: integer('max_person_trips').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** One unit's caps for a year, overriding the default. */
export const quotaOverrides = sqliteTable(
  'quota_overrides',
  {
    year: integer('year').notNull(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    maxBatches: integer('max_batches').notNull(),
    maxHeadcountPerBatch: integer('max_headcount_per_batch').notNull(),
    maxPersonTrips: integer('max_person_trips').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.unitId] })],
);

export const visits = sqliteTable(
  'visits',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    regionId: text('region_id')
      .notNull()
      .references(() => regions.id),
    kind: text('kind', { enum: ['inspection', 'condolence'] }).notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    /** The year the visit counts in: its start date's year. */
    year: integer('year').notNull(),
    headcount: integer('headcount').notNull(),
    leaderName: text('leader_name').notNull(),
    leaderTitle: text('leader_title'),
    purpose: text('purpose').notNull(),
    cadresVisited: integer('cadres_visited'),
    consolationYuan: integer('consolation_yuan'),
    status: text('status', {
      enum: ['submitted', 'coordinated', 'approved', 'rejected', 'withdrawn', 'cancelled'],
    }).notNull(),
    sequence: integer('sequence').notNull().default(0),
    coordinationOpinion: text('coordination_opinion'),
    /** The reason given with the reject or cancel that ended the visit (the office's, or the unit's cancel). */
    decisionReason: text('decision_reason'),
    idempotencyKey: text('idempotency_key'),
    /** Identifies the last write, so an audit row in the same batch is written only if it landed. */
    lastOpId: text('last_op_id').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // Covers the booking guard's capacity and spacing probes and regionVisitsAround (status,
    // end date and id come from the index, not the table), so a probe stays one short index
    // range however many visits are stored.
    index('visits_region_start_cover').on(t.regionId, t.startDate, t.status, t.endDate, t.id),
    // The condolence balance of a region and year (booking warnings, the balance report): without
    // it SQLite walks every visit of the region, all years.
    index('visits_year_kind_region').on(t.year, t.kind, t.regionId, t.status, t.unitId, t.consolationYuan),
    // The guard's batch and person-trip sums for a unit and year read headcount and id from the
    // index alone, not one table row per counted visit.
    index('visits_unit_year_cover').on(t.unitId, t.year, t.status, t.headcount, t.id),
    // Keyset pages of lists (startDate, then id), one per status so a page of any status filter
    // is a few short index ranges merged (src/db/repo/keyset.ts), never a sort of every match:
    // the office's lists, an HQ's region (and the office's region filter), a unit's own visits.
    index('visits_status_start').on(t.status, t.startDate, t.id),
    index('visits_region_status_start').on(t.regionId, t.status, t.startDate, t.id),
    index('visits_unit_status_start').on(t.unitId, t.status, t.startDate, t.id),
    uniqueIndex('visits_unit_idempotency').on(t.unitId, t.idempotencyKey),
  ],
);

export const receptions = sqliteTable(
  'receptions',
  {
    id: text('id').primaryKey(),
    hostUnitId: text('host_unit_id')
      .notNull()
      .references(() => units.id),
    regionId: text('region_id')
      .notNull()
      .references(() => regions.id),
    officialLetterRef: text('official_letter_ref').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    guestCount: integer('guest_count').notNull(),
    leadRank: text('lead_rank', { enum: ['provincial', 'departmental', 'county', 'other'] }).notNull(),
    /** JSON arrays/objects exactly as accepted by the API (validated at the edge). */
    guestsJson: text('guests_json').notNull().default('[]'),
    workMealJson: text('work_meal_json'),
    lodgingJson: text('lodging_json').notNull().default('[]'),
    activitiesJson: text('activities_json').notNull().default('[]'),
    venue: text('venue'),
    dietaryNotes: text('dietary_notes'),
    giftsYuan: integer('gifts_yuan').notNull().default(0),
    status: text('status', { enum: ['submitted', 'approved', 'rejected', 'cancelled'] }).notNull(),
    sequence: integer('sequence').notNull().default(0),
    /** The reason given with the reject or cancel that ended the reception. */
    decisionReason: text('decision_reason'),
    lastOpId: text('last_op_id').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('receptions_region_start').on(t.regionId, t.startDate),
    index('receptions_host_start').on(t.hostUnitId, t.startDate),
    // Keyset pages of lists, one index range per status (as for visits).
    index('receptions_status_start').on(t.status, t.startDate, t.id),
    index('receptions_region_status_start').on(t.regionId, t.status, t.startDate, t.id),
    index('receptions_host_status_start').on(t.hostUnitId, t.status, t.startDate, t.id),
  ],
);

/** Every change to a record: visits, receptions, and settings the office edits. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    at: text('at').notNull(),
    actorId: text('actor_id').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
  },
  (t) => [index('audit_log_entity').on(t.entity, t.entityId, t.id)],
);

/**
 * Files attached to a visit or a reception. The bytes live in the file store under `sha256`
 * (written and synced before this row); a withdrawn document leaves the lists and stays in the
 * year's archive. Never deleted.
 */
export const documents = sqliteTable(
  'documents',
  {
    id: text('id').primaryKey(),
    recordType: text('record_type', { enum: ['visit', 'reception'] }).notNull(),
    recordId: text('record_id').notNull(),
    kind: text('kind', { enum: ['official_letter', 'other'] }).notNull(),
    /** As the uploader named it, made harmless (src/domain/documents.ts); never a path. */
    filename: text('filename').notNull(),
    /** Told from the bytes, never taken from the client. */
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: text('uploaded_at').notNull(),
    withdrawnBy: text('withdrawn_by'),
    withdrawnAt: text('withdrawn_at'),
    lastOpId: text('last_op_id').notNull(),
  },
  (t) => [
    // A record's list in upload order, and the approval guard's "an official letter is on file".
    index('documents_record').on(t.recordType, t.recordId, t.uploadedAt, t.id),
  ],
);

/** Office-edited standards as JSON by name: `reception`, `balance`. */
export const standards = sqliteTable('standards', {
  name: text('name').primaryKey(),
  valueJson: text('value_json').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Seconded cadres per year, unit and region (for the condolence balance). */
export const cadreRosters = sqliteTable(
  'cadre_rosters',
  {
    year: integer('year').notNull(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    regionId: text('region_id')
      .notNull()
      .references(() => regions.id),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.unitId, t.regionId] })],
);

export const feeds = sqliteTable(
  'feeds',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    ownerUserId: text('owner_user_id')
      .notNull()
      .references(() => users.id),
    scope: text('scope', { enum: ['region', 'unit', 'all'] }).notNull(),
    regionId: text('region_id').references(() => regions.id),
    unitId: text('unit_id').references(() => units.id),
    label: text('label'),
    createdAt: text('created_at').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('feeds_owner').on(t.ownerUserId)],
);

/** Annual-plan wishes: they count toward nothing until a proposal is committed. */
export const planRequests = sqliteTable(
  'plan_requests',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    regionId: text('region_id')
      .notNull()
      .references(() => regions.id),
    kind: text('kind', { enum: ['inspection', 'condolence'] }).notNull(),
    days: integer('days').notNull(),
    headcount: integer('headcount').notNull(),
    earliest: text('earliest').notNull(),
    latest: text('latest').notNull(),
    preferredStart: text('preferred_start'),
    priority: integer('priority').notNull(),
    leaderName: text('leader_name').notNull(),
    purpose: text('purpose').notNull(),
    /** Condolence requests: the cadres the visit will console (≥ 1) and its money, copied into the visit. */
    cadresVisited: integer('cadres_visited'),
    consolationYuan: integer('consolation_yuan'),
    status: text('status', { enum: ['open', 'withdrawn', 'committed'] }).notNull(),
    visitId: text('visit_id'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  // The year's requests page by (region, earliest day, created, id): the list's order.
  (t) => [
    index('plan_requests_year').on(t.year, t.status),
    index('plan_requests_year_order').on(t.year, t.regionId, t.earliest, t.createdAt, t.id),
  ],
);

export const planProposals = sqliteTable('plan_proposals', {
  id: text('id').primaryKey(),
  year: integer('year').notNull(),
  resultJson: text('result_json').notNull(),
  status: text('status', { enum: ['open', 'committed'] }).notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
  committedAt: text('committed_at'),
});

/**
 * The outbox (docs/ARCHITECTURE.md, "Notifications"): one row per state change worth telling,
 * written in the same batch as the change. `data_json` is a snapshot of the record as the change
 * left it, so every message about it says the same, whenever it is sent.
 */
export const events = sqliteTable(
  'events',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    recordType: text('record_type', { enum: ['visit', 'reception', 'month', 'webhook'] }).notNull(),
    recordId: text('record_id').notNull(),
    regionId: text('region_id'),
    unitId: text('unit_id'),
    occurredAt: text('occurred_at').notNull(),
    dataJson: text('data_json').notNull(),
    /** Set for events that must exist once only (the monthly outlook of a month and scope). */
    dedupeKey: text('dedupe_key').unique(),
  },
  (t) => [index('events_record').on(t.recordType, t.recordId)],
);

/** The inbox: one row per event and recipient. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    readAt: text('read_at'),
  },
  (t) => [
    uniqueIndex('notifications_user_event').on(t.userId, t.eventId),
    index('notifications_user').on(t.userId, t.id),
    // The navigation's unread count on every page reads only this.
    index('notifications_unread').on(t.userId, t.id).where(sql`read_at IS NULL`),
  ],
);

/** Office-registered receivers: generic (Standard Webhooks), DingTalk or WeCom group robots. */
export const webhooks = sqliteTable('webhooks', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  kind: text('kind', { enum: ['generic', 'dingtalk', 'wecom'] }).notNull(),
  /** Needed in clear to sign each message; never shown again after it is set. */
  secret: text('secret'),
  /** Null: every region. */
  regionId: text('region_id').references(() => regions.id),
  /** JSON array of event types; null: every event. */
  eventsJson: text('events_json'),
  label: text('label'),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
  removedAt: text('removed_at'),
});

/**
 * What must still be sent: one row per event, channel and target (a user for e-mail, a webhook).
 * A sender claims a row by setting `lease_until`; a row whose lease ran out mid-send is claimed
 * again (the message's id stays the same, so the receiver can drop the duplicate).
 */
export const deliveries = sqliteTable(
  'deliveries',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id),
    channel: text('channel', { enum: ['email', 'webhook'] }).notNull(),
    /** The user (email) or the webhook (webhook). */
    targetId: text('target_id').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed', 'skipped'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    leaseUntil: text('lease_until'),
    claimId: text('claim_id'),
    lastError: text('last_error'),
    sentAt: text('sent_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('deliveries_event_target').on(t.eventId, t.channel, t.targetId),
    // What the sender looks for: only pending rows, by when they are due.
    index('deliveries_due').on(t.nextAttemptAt).where(sql`status = 'pending'`),
  ],
);

/** Every attempt to call a webhook, for the office's deliveries log. */
export const webhookAttempts = sqliteTable(
  'webhook_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    webhookId: text('webhook_id')
      .notNull()
      .references(() => webhooks.id),
    deliveryId: text('delivery_id'),
    eventId: text('event_id'),
    eventType: text('event_type').notNull(),
    attempt: integer('attempt').notNull(),
    at: text('at').notNull(),
    status: text('status', { enum: ['sent', 'failed'] }).notNull(),
    responseStatus: integer('response_status'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('webhook_attempts_hook').on(t.webhookId, t.id)],
);

export const COUNTED_VISIT_STATUSES = ['submitted', 'coordinated', 'approved'] as const;
export const countedStatusSql = sql.raw(`('submitted','coordinated','approved')`);
