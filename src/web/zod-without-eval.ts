import { config } from 'zod';

// Imported before any module that makes a zod schema (checks.ts): see there.
config({ jitless: true });
