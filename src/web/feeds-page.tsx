// Calendar feed management for every role, mounted at /feeds.
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';

export const feedPages = new Hono<AppEnv>();
