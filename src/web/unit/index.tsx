// The unit pages, mounted at /unit: dashboard, booking and editing visits, the visit list with
// withdraw/cancel, and official receptions with the printable reception list.
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { dashboardPage } from './dashboard.js';
import { planRequestPages } from './plan-requests.js';
import { receptionPages } from './receptions.js';
import { receptionSheetPages } from './reception-sheet.js';
import { visitBookingPages } from './visit-booking.js';
import { visitListPages } from './visit-list.js';

export const unitPages = new Hono<AppEnv>()
  .route('/', dashboardPage)
  .route('/', visitBookingPages)
  .route('/', visitListPages)
  .route('/', receptionPages)
  .route('/', receptionSheetPages)
  .route('/', planRequestPages);
