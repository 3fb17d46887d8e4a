import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema and committed; `npm start` applies them (Node),
// `wrangler d1 migrations apply DB` applies the same files to D1.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema.ts',
  out: './migrations',
});
