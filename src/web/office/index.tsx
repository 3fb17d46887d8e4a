// The office pages, mounted at /office: the approval queue (/office), every visit
// (/office/visits) and the month across the regions (/office/calendar), receptions
// (/office/receptions), settings (/office/settings), reports (/office/reports), the annual
// plan (/office/plan) and accounts (/office/accounts).
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { accountPages } from './accounts.js';
import { allVisitPages } from './all-visits.js';
import { approvalPages } from './approvals.js';
import { officeCalendarPages } from './calendar.js';
import { officePlanPages } from './plan.js';
import { receptionPages } from './receptions.js';
import { officeReportPages } from './reports.js';
import { settingsPages } from './settings-index.js';

export const officePages = new Hono<AppEnv>()
  .route('/', approvalPages)
  .route('/visits', allVisitPages)
  .route('/calendar', officeCalendarPages)
  .route('/receptions', receptionPages)
  .route('/settings', settingsPages)
  .route('/reports', officeReportPages)
  .route('/plan', officePlanPages)
  .route('/accounts', accountPages);
