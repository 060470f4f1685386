import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { ruleSetJsonSchema } from '../../core/rule-set/json-schema.js';
import { BUILT_IN_DIR, DEFAULT_RULE_SET } from '../../io/read-rule-set-file.js';
import { writeNewFile } from '../../io/write-files.js';
import type { CliIo } from '../process-io.js';

const DEFAULT_INIT_FILE = 'jtai-rules.yaml';

type JsonSchema = {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  description?: string;
  anyOf?: JsonSchema[];
};

// The field guide comes from the schema's own descriptions, so it cannot drift from the format.
function fieldGuide(): string[] {
  const full = (ruleSetJsonSchema().anyOf as JsonSchema[])[0]!;
  const describe = (props: Record<string, JsonSchema>) =>
    Object.entries(props).map(([key, p]) => `#   ${key.padEnd(13)} ${p.description ?? ''}`.trimEnd());
  return [
    '# Fields of the rule set:',
    ...describe(full.properties!),
    '#',
    '# Fields of each item:',
    ...describe(full.properties!.items!.items!.properties!),
  ];
}

/** The starting rule set: the built-in one, explained, renamed, pointing at the shipped schema. */
function initialRuleSet(target: string): string {
  const schema = relative(dirname(resolve(target)), `${BUILT_IN_DIR}rule-set.schema.json`);
  const builtIn = readFileSync(`${BUILT_IN_DIR}${DEFAULT_RULE_SET}.yaml`, 'utf8')
    .replace(/^# yaml-language-server: \$schema=.*$/m, '')
    .replace(/^id: jtai-2018$/m, 'id: my-area')
    .replace(/^name: .*$/m, 'name: JTAI timetable for my area (from the 2018 guidance)');
  return [
    `# yaml-language-server: $schema=${schema}`,
    '#',
    `# A jtai rule set, started from the built-in "${DEFAULT_RULE_SET}". Edit it, then:`,
    `#   jtai check ${target}`,
    `#   jtai plan --notified 2019-03-19 --rules ${target}`,
    '# To keep the built-in timetable and only add or change a few things, write instead',
    `# "extends: ${DEFAULT_RULE_SET}" with just your changes (see the README, "Write your own rule set").`,
    '#',
    ...fieldGuide(),
    '',
    builtIn.replace(/^\n+/, ''),
  ].join('\n');
}

/** jtai init: writes a commented starting rule set, never over an existing file. */
export async function runInit(file: string | undefined, io: CliIo): Promise<void> {
  const target = file ?? DEFAULT_INIT_FILE;
  await writeNewFile(target, initialRuleSet(target));
  io.writeErr(`jtai: wrote ${target}; check it with: jtai check ${target}\n`);
}
