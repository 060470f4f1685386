// Build step: checks every built-in rule set in schedules/ and writes it resolved to
// dist/schedules/<id>.json, so that start-up needs neither the YAML parser nor zod; and what
// checking found, with where each path of the file is written, to <id>.check.json, for
// "jtai check" (src/io/compiled-check.ts).
// Fails the build, with the rule set's own messages, if a built-in rule set has a problem.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { BUILT_IN_DIR, COMPILED_DIR } from '../dist/io/load-rule-set.js';
import { analyseRuleSetFile, parseRuleSet } from '../dist/io/analyse-rule-set-file.js';

/** Every path of a YAML value: ["items"], ["items", 0], ["items", 0, "id"], ... */
function pathsOf(value, path = [], out = [path]) {
  if (value !== null && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) {
      const next = [...path, Array.isArray(value) ? Number(key) : key];
      out.push(next);
      pathsOf(child, next, out);
    }
  return out;
}

mkdirSync(COMPILED_DIR, { recursive: true });
for (const file of readdirSync(BUILT_IN_DIR).filter((f) => f.endsWith('.yaml'))) {
  const text = readFileSync(`${BUILT_IN_DIR}${file}`, 'utf8');
  try {
    const ruleSet = parseRuleSet(text, `${BUILT_IN_DIR}${file}`);
    writeFileSync(`${COMPILED_DIR}${file.replace(/\.yaml$/, '.json')}`, JSON.stringify({ yaml: text, ruleSet }));
    const analysis = analyseRuleSetFile(text, `${BUILT_IN_DIR}${file}`);
    const positions = pathsOf(parse(text)).map((p) => {
      const { line, column } = analysis.positionOf(p);
      return [JSON.stringify(p), line, column];
    });
    const warnings = analysis.warnings.map(({ position, ...w }) => ({
      ...w,
      ...(position && { position: { line: position.line, column: position.column } }),
    }));
    writeFileSync(
      `${COMPILED_DIR}${file.replace(/\.yaml$/, '.check.json')}`,
      JSON.stringify({ yaml: text, ruleSet, warnings, positions }),
    );
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
