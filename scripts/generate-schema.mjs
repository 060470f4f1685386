// Writes schedules/rule-set.schema.json from the zod schema (after a build), for editors:
// rule-set files start with "# yaml-language-server: $schema=..." pointing at it.
// test/core/rule-set/json-schema.test.ts fails if the committed file and the zod schema disagree.
import { writeFileSync } from 'node:fs';
import { ruleSetJsonSchema } from '../dist/core/rule-set/json-schema.js';

writeFileSync(
  new URL('../schedules/rule-set.schema.json', import.meta.url),
  `${JSON.stringify(ruleSetJsonSchema(), null, 2)}\n`,
);
console.error('wrote schedules/rule-set.schema.json');
