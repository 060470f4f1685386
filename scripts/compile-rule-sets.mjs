// Build step: checks every built-in rule set in schedules/ and writes it resolved to
// dist/schedules/<id>.json, so that start-up needs neither the YAML parser nor zod.
// Fails the build, with the rule set's own messages, if a built-in rule set has a problem.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { BUILT_IN_DIR, COMPILED_DIR } from '../dist/io/load-rule-set.js';
import { parseRuleSet } from '../dist/io/analyse-rule-set-file.js';

mkdirSync(COMPILED_DIR, { recursive: true });
for (const file of readdirSync(BUILT_IN_DIR).filter((f) => f.endsWith('.yaml'))) {
  const text = readFileSync(`${BUILT_IN_DIR}${file}`, 'utf8');
  try {
    const ruleSet = parseRuleSet(text, `${BUILT_IN_DIR}${file}`);
    writeFileSync(`${COMPILED_DIR}${file.replace(/\.yaml$/, '.json')}`, JSON.stringify({ yaml: text, ruleSet }));
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
