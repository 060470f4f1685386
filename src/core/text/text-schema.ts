import { z } from 'zod';
import { type TextKind, textProblem } from './text-rules.js';

// The rule every text jtai accepts follows (text-rules.ts), as the zod schema of a text field
// in a rule set or an inspection file. Apart from text-rules.ts so that start-up never loads zod.

/**
 * Text of one kind, trimmed, not empty, with no control character:
 * textSchema("line").safeParse("Kim\u001b").error.issues[0].message starts "one line of text without control characters".
 */
export function textSchema(kind: TextKind) {
  return z
    .string()
    .trim()
    .min(1, 'some text')
    .superRefine((t, ctx) => {
      const problem = textProblem(t, kind);
      if (problem) {
        const what = kind === 'line' ? 'one line of text' : 'text';
        ctx.addIssue({ code: 'custom', message: `${what} without control characters; this ${problem}` });
      }
    });
}
