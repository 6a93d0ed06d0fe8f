import { defineConfig } from 'drizzle-kit';

/** `npx drizzle-kit generate` (from this folder) writes the SQL migrations the store applies on open. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/schema.ts',
  out: './migrations',
});
