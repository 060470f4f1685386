import { ruleSetJsonSchema } from '../../core/rule-set/json-schema.js';
import type { CliIo } from '../process-io.js';

/** jtai schema: the JSON Schema of rule-set files. */
export function runSchema(io: CliIo): void {
  io.writeOut(`${JSON.stringify(ruleSetJsonSchema(), null, 2)}\n`);
}
