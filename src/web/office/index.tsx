// The office pages, mounted at /office.
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';

export const officePages = new Hono<AppEnv>();
