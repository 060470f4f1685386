// Build step: the web page (src/web) as one self-contained HTML file, dist/web/jtai.html: the
// page's code (the same core and renderers as the CLI, bundled for the browser), its CSS, and
// the built-in rule sets (checked and resolved, with their YAML), and the govuk-frontend CSS it
// uses (scripts/govuk-css.mjs), all inline. Nothing to fetch.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { rolldown } from 'rolldown';
import { classesIn, govukCssFor } from './govuk-css.mjs';

const root = new URL('../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const { version } = JSON.parse(read('package.json'));

const bundle = await rolldown({
  input: new URL('src/web/app.ts', root).pathname,
  platform: 'browser',
  logLevel: 'warn',
});
const { output } = await bundle.generate({ format: 'iife', minify: true, codeSplitting: false });
const js = output[0].code;

const builtIns = readdirSync(new URL('schedules/', root))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => {
    const id = f.replace(/\.yaml$/, '');
    const compiled = JSON.parse(read(`dist/schedules/${id}.json`));
    return { id, name: compiled.ruleSet.name, yaml: compiled.yaml, ruleSet: compiled.ruleSet };
  });

// Inline code and data must not end their <script> element early.
const data = JSON.stringify({ version, builtIns }).replace(/</g, '\\u003c');
// govuk-frontend's CSS, only the rules of the classes the page's HTML and code name.
const sources = readdirSync(new URL('src/web/', root))
  .filter((f) => /\.(ts|html)$/.test(f))
  .map((f) => read(`src/web/${f}`));
const css = `${govukCssFor(classesIn(sources))}\n${read('src/web/page.css')}`;
const page = read('src/web/page.html')
  .replaceAll('{{version}}', version)
  .replace('{{css}}', () => css)
  .replace('{{data}}', () => data)
  .replace('{{js}}', () => js.replace(/<\/(script)/gi, '<\\/$1'));
mkdirSync(new URL('dist/web/', root), { recursive: true });
writeFileSync(new URL('dist/web/jtai.html', root), page);
console.log(`dist/web/jtai.html: ${(page.length / 1024).toFixed(0)} KiB`);
