// The unit pages, mounted at /unit.
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';

export const unitPages = new Hono<AppEnv>();
