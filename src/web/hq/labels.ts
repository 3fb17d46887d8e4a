// Dates and region names as the HQ pages show them, in the user's language.
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { RegionView } from '../../services/reference.js';
import { pageContext } from '../page.js';
import type { Translate } from '../../views/i18n.js';

export function dateRange(startDate: string, endDate: string, t: Translate): string {
  return startDate === endDate ? startDate : `${startDate} ${t('至', 'to')} ${endDate}`;
}

/** The region's name in the reader's language. */
export function regionNameIn(c: Context<AppEnv>, region: RegionView | undefined): string | undefined {
  return region && pageContext(c).t(region.name, region.nameEn);
}
