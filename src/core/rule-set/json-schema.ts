import { z } from 'zod';
import { RuleSetDocumentSchema } from './rule-set.js';

/** The JSON Schema of rule-set files, made from the zod schema (one source of truth). */
export function ruleSetJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(RuleSetDocumentSchema, { io: 'input' }),
    title: 'jtai rule set',
    description:
      'A JTAI timetable for jtai: working-day offsets, clock times and deadlines from a notification date, or a rule set that extends another.',
  };
}
