// The hq pages, mounted at /hq.
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';

export const hqPages = new Hono<AppEnv>();
