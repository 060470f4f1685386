import { JtaiError, type Problem, RuleSetError, type SourcePosition } from '../../errors.js';
import { checkRuleSet } from './checks.js';
import { resolveRuleSet } from './resolve.js';
import { type Layer, type Path, fileLayer, mergeLayers } from './layers.js';
import { OverlayHeadSchema, type RuleSet, RuleSetFileSchema } from './rule-set.js';
import { didYouMean } from '../text/suggest.js';
import { parseYaml } from '../text/yaml-positions.js';
import { pathText, schemaProblem, show } from '../text/schema-problems.js';

// Checking rule-set YAML in stages, collecting every problem with its file:line:column before
// anything fails: syntax (yaml); "extends" read and merged onto its base as written; then, on
// the merged whole, the shape (zod) and the names (rule-checks) side by side. Pure: the files
// an "extends" names come through a RuleSetReader, from the disk (CLI) or the page (web).

/** How rule-set files are found and read: the one part that differs between the CLI and the page. */
export interface RuleSetReader {
  /** The file a reference names: a built-in name, or a path relative to the file that names it. */
  locate(ref: string, from: string): string;
  /** Its text; throws a JtaiError saying why it cannot be read. */
  read(file: string): string;
  /** How the file is named in messages. */
  show(file: string): string;
  /** What "extends" can name, said after a file that cannot be read; none when read's own message says it (the page's). */
  extendsHint?: string;
}

/** Keys named "__proto__" anywhere: zod drops them from mappings of ids without a word, so they are reported here. */
function protoKeys(layer: Layer): Problem[] {
  const problems: Problem[] = [];
  const walk = (node: unknown, path: Path): void => {
    if (node === null || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      const key = Array.isArray(node) ? Number(k) : k;
      if (key === '__proto__') {
        const written = layer.locate(path, k);
        problems.push({
          path: [...path, k],
          message: `${pathText(written.path)}: unknown field "__proto__"; check its spelling.`,
          position: written.position,
        });
      } else walk(v, [...path, key]);
    }
  };
  walk(layer.data, []);
  return problems;
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((k, i) => path[i] === k);
}

function byPosition(problems: Problem[], top: string): Problem[] {
  const key = (p: Problem) =>
    p.position
      ? `${p.position.file}\u0000${String(p.position.line).padStart(9)}${String(p.position.column).padStart(9)}`
      : '';
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const k = `${key(p)}\u0000${p.message}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
  // The user's own file first, then the files it builds on; each file's problems in line order.
  const files = [top, ...new Set(unique.map((p) => p.position?.file ?? ''))];
  return unique.sort(
    (a, b) =>
      files.indexOf(a.position?.file ?? '') - files.indexOf(b.position?.file ?? '') ||
      (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0),
  );
}

/** What checking a rule set found: the resolved rule set if there were no errors. */
export interface RuleSetAnalysis {
  ruleSet?: RuleSet;
  errors: Problem[];
  /** What merging found worth a second look, though the rule set is valid. */
  warnings: Problem[];
  /** Where a path of the merged rule set was written, across every file it was merged from. */
  positionOf(path: Path): SourcePosition;
}

type LayerResult = { layer?: Layer; errors: Problem[]; warnings: Problem[] };

function readLayer(text: string, file: string, reader: RuleSetReader, chain: readonly string[]): LayerResult {
  const shown = reader.show(file);
  const { parsed, problems } = parseYaml(text, shown);
  if (!parsed) return { errors: problems, warnings: [] };
  const data = parsed.data;
  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    const message =
      data == null
        ? 'the file is empty; expected a rule set (see the built-in schedules/jtai-2018.yaml).'
        : `the file: expected a mapping of "key: value" lines, found ${show(data)}.`;
    return { errors: [{ path: [], message, position: parsed.positionOf([]) }], warnings: [] };
  }
  const layer = fileLayer(data as Record<string, unknown>, parsed.positionOf);
  if (!Object.hasOwn(data, 'extends')) return { layer, errors: [], warnings: [] };

  const head = OverlayHeadSchema.safeParse(data);
  const headErrors = head.success ? [] : head.error.issues.map((i) => schemaProblem(i, layer.data, layer.locate));
  if (!head.success) {
    const extendsOk = !head.error.issues.some((i) => i.path[0] === 'extends');
    if (!extendsOk) return { errors: headErrors, warnings: [] };
  }
  const ref = (data as { extends: string }).extends.trim();
  const where = layer.locate(['extends']).position;
  const basePath = reader.locate(ref, file);
  if (chain.includes(basePath) || basePath === file) {
    return {
      errors: [
        {
          path: ['extends'],
          message: `"extends: ${ref}" makes a cycle: a rule set cannot extend itself.`,
          position: where,
        },
      ],
      warnings: [],
    };
  }
  let baseText: string;
  try {
    baseText = reader.read(basePath);
  } catch (e) {
    if (!(e instanceof JtaiError)) throw e;
    const why = e.message.replace(/\.$/, '');
    const message = reader.extendsHint ? `${why}; ${reader.extendsHint}.` : `${why}.`;
    return { errors: [{ path: ['extends'], message, position: where }], warnings: [] };
  }
  const base = readLayer(baseText, basePath, reader, [...chain, file]);
  if (!base.layer) return { errors: [...base.errors, ...headErrors], warnings: base.warnings };
  return {
    layer: mergeLayers(base.layer, layer),
    errors: [...base.errors, ...headErrors, ...removeProblems(base.layer, layer, ref)],
    warnings: [...base.warnings, ...staleTimeNotes(base.layer, layer)],
  };
}

/** "remove" must name base items, and an item cannot be both removed and changed. */
function removeProblems(base: Layer, overlay: Layer, ref: string): Problem[] {
  const ids = (items: unknown) =>
    Array.isArray(items)
      ? items.map((i) => (i !== null && typeof i === 'object' ? (i as { id?: unknown }).id : undefined))
      : [];
  const baseIds = new Set(ids(base.data.items));
  const remove = Array.isArray(overlay.data.remove) ? overlay.data.remove : [];
  const unknown = remove.flatMap((id, i): Problem[] =>
    typeof id !== 'string' || baseIds.has(id)
      ? []
      : [
          {
            path: ['remove', i],
            message: `remove: there is no item "${id}" in ${ref}.`,
            position: overlay.locate(['remove', i]).position,
          },
        ],
  );
  const both = ids(overlay.data.items).flatMap((id, j): Problem[] =>
    typeof id === 'string' && remove.includes(id) && baseIds.has(id)
      ? [
          {
            path: ['items', j, 'id'],
            message: `item "${id}" is both removed (remove) and changed (items); keep one of them.`,
            position: overlay.locate(['items', j, 'id']).position,
          },
        ]
      : [],
  );
  return [...unknown, ...both, ...newItemHints(baseIds, overlay, ref)];
}

/** A named time whose clock time an overlay changes keeps the base's note, which explains the old time. */
function staleTimeNotes(base: Layer, overlay: Layer): Problem[] {
  const entries = (layer: Layer) => (isMapping(layer.data.times) ? layer.data.times : {});
  const baseTimes = entries(base);
  return Object.entries(entries(overlay)).flatMap(([id, entry]): Problem[] => {
    const old = Object.hasOwn(baseTimes, id) ? baseTimes[id] : undefined;
    if (
      !isMapping(entry) ||
      !isMapping(old) ||
      !Object.hasOwn(entry, 'time') ||
      Object.hasOwn(entry, 'note') ||
      typeof old.note !== 'string'
    )
      return [];
    if (entry.time === old.time) return [];
    const message = `times.${id}: the time changes to ${JSON.stringify(entry.time)}, but the note from the base, which explains ${JSON.stringify(old.time)}, is kept; give a note of your own.`;
    return [{ path: ['times', id, 'time'], message, position: overlay.locate(['times', id, 'time']).position }];
  });
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const ITEM_NEEDS = ['kind', 'title', 'at', 'by', 'source'] as const;

/** An overlay item whose id is not in the base is a whole new item; if it lacks what one needs, the id may be misspelt. */
function newItemHints(baseIds: ReadonlySet<unknown>, overlay: Layer, ref: string): Problem[] {
  const items = Array.isArray(overlay.data.items) ? overlay.data.items : [];
  const known = [...baseIds].filter((id): id is string => typeof id === 'string');
  return items.flatMap((item: unknown, j): Problem[] => {
    if (item === null || typeof item !== 'object') return [];
    const id = (item as { id?: unknown }).id;
    const missing = ITEM_NEEDS.filter((f) => !Object.hasOwn(item, f) && !(f === 'at' && Object.hasOwn(item, 'from'))); // a chained item may take its base's time
    if (typeof id !== 'string' || baseIds.has(id) || missing.length === 0) return [];
    const message = `item "${id}" is not in ${ref}, so it is a new item and needs ${missing.join(', ')}.${didYouMean(id, known)}`;
    return [{ path: ['items', j, 'id'], message, position: overlay.locate(['items', j, 'id']).position }];
  });
}

/**
 * Checks rule-set YAML text and collects every problem with its position:
 * analyseRuleSet(text, "my-area.yaml", reader).errors is empty for a valid rule set.
 */
export function analyseRuleSet(text: string, file: string, reader: RuleSetReader): RuleSetAnalysis {
  const { layer, errors, warnings } = readLayer(text, file, reader, []);
  const top = reader.show(file);
  if (!layer)
    return { errors: byPosition(errors, top), warnings: [], positionOf: () => ({ file: top, line: 1, column: 1 }) };
  const shape = RuleSetFileSchema.safeParse(layer.data);
  const shapeProblems = shape.success ? [] : shape.error.issues.map((i) => schemaProblem(i, layer.data, layer.locate));
  // A name already wrong in shape is not reported again as an unknown reference.
  const names = checkRuleSet(layer.data)
    .filter((p) => !shapeProblems.some((s) => startsWith(p.path, s.path)))
    .map((p) => ({ ...p, position: layer.locate(p.path).position }));
  const all = byPosition([...errors, ...shapeProblems, ...names, ...protoKeys(layer)], top);
  const positionOf = (p: Path) => layer.locate(p).position;
  if (all.length > 0 || !shape.success) return { errors: all, warnings: [], positionOf };
  return { ruleSet: resolveRuleSet(shape.data), errors: [], warnings: byPosition(warnings, top), positionOf };
}

/** Checks rule-set YAML text and resolves it, or throws a RuleSetError listing every problem. */
export function parseRuleSet(text: string, file: string, reader: RuleSetReader): RuleSet {
  const analysis = analyseRuleSet(text, file, reader);
  if (!analysis.ruleSet) throw new RuleSetError(reader.show(file), analysis.errors);
  return analysis.ruleSet;
}
