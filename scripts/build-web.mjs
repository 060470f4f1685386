// Build step: the web page (src/web) as one self-contained HTML file, dist/web/jtai.html: the
// page's code (the same core and renderers as the CLI, bundled for the browser), its CSS, and
// the built-in rule sets (checked and resolved, with their YAML), and the govuk-frontend CSS it
// uses (scripts/govuk-css.mjs), all inline. Nothing to fetch.
//
// The code is split where src/web imports lazily (await import(...)): the first chunk runs at
// once, and every other chunk (the rule-set and inspection-file checks with zod and the YAML
// parser, the other time zones) is kept in the page as text, in a <script type="text/plain">,
// and run only when it is first imported. The browser then compiles a third of the code before
// the first plan, not all of it (about 20 ms of some 100, issue 23).
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
// CommonJS chunks, each run as a function of (exports, require, module) by the loader below.
const { output } = await bundle.generate({ format: 'cjs', minify: true, chunkFileNames: '[name].js' });
const entry = output.find((c) => c.type === 'chunk' && c.isEntry);
const lazy = output.filter((c) => c !== entry);
if (!entry || lazy.some((c) => c.type !== 'chunk')) throw new Error('build-web: expected chunks of code only');

// The page's require(): a chunk already run gives its exports; any other is read from its
// <script type="text/plain" id="jtai-chunk:NAME">, run through an inline script (the only kind
// the page's Content-Security-Policy allows; nothing is fetched) and marked data-loaded.
const loader = `(() => {
const modules = {};
const run = (name, body) => { const module = { exports: {} }; modules[name] = module; body(module.exports, require, module); return module.exports; };
function require(path) {
  const name = path.replace(/^\\.\\//, '');
  if (modules[name]) return modules[name].exports;
  const kept = document.getElementById('jtai-chunk:' + name);
  if (!kept) throw new Error('jtai: the page holds no code named ' + name);
  const script = document.createElement('script');
  script.textContent = 'document.currentScript.jtaiBody = function (exports, require, module) {' + kept.textContent + '\\n};';
  document.head.append(script);
  script.remove();
  if (!script.jtaiBody) throw new Error('jtai: the page could not run its code ' + name);
  kept.dataset.loaded = '';
  return run(name, script.jtaiBody);
}
run(${JSON.stringify(entry.fileName)}, function (exports, require, module) {`;
// Inline code and data must not end their <script> element early, nor open an HTML comment in it.
const inline = (code) => {
  if (code.includes('<!--')) throw new Error('build-web: "<!--" in the page\'s code');
  return code.replace(/<\/(script)/gi, '<\\/$1');
};
const js = `${loader}${entry.code}\n});\n})();`;
const keptChunks = lazy
  .map((c) => `<script type="text/plain" id="jtai-chunk:${c.fileName}">${inline(c.code)}</script>`)
  .join('\n');

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
  .replace('{{chunks}}', () => keptChunks)
  .replace('{{js}}', () => inline(js));
mkdirSync(new URL('dist/web/', root), { recursive: true });
writeFileSync(new URL('dist/web/jtai.html', root), page);
console.log(`dist/web/jtai.html: ${(page.length / 1024).toFixed(0)} KiB`);
