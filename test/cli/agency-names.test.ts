import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, said } from '../helpers.js';

// Issue 20: every place a person types an agency takes the names people use, by one matcher
// (findParties): --agency on plan, done, undo, status and log, and the inspection file's
// contacts. For a notification on Tuesday 19 March 2019 (jtai-2018), child-level-data is the
// local authority's, due that day at 17:00; cse-gangs-cases is due Wed 20 Mar 15:00.

const NOW = '2019-03-20T14:10';

/** An inspection folder with these contacts, and a way to run jtai on it (with a cache of its own when asked). */
async function inspection(contacts: string, env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'jtai-names-'));
  const file = join(dir, 'jtai-inspection.yaml');
  expect((await runCli(['start', '--notified', '2019-03-19', '--area', 'My Area', '--out', file])).code).toBe(0);
  writeFileSync(file, readFileSync(file, 'utf8').replace('contacts: {}', contacts));
  const jtai = (...args: string[]) => runCli([...args, '--inspection', file], env);
  return { file, jtai };
}

interface StatusAgency {
  id: string;
  contacts: Array<{ name: string }>;
}

async function contactsByParty(jtai: (...args: string[]) => ReturnType<typeof runCli>) {
  const run = await jtai('status', '-f', 'json', '--now', NOW);
  expect([run.code, run.stderr]).toEqual([0, '']);
  const agencies = JSON.parse(run.stdout).agencies as StatusAgency[];
  return Object.fromEntries(agencies.map((a) => [a.id, a.contacts.map((c) => c.name)]));
}

describe('--agency takes the names people use', () => {
  test.each([
    ['CSC', 'local-authority'],
    ["children's social care", 'local-authority'],
    ['childrens services', 'local-authority'],
    ['Children’s Services', 'local-authority'],
    ['the police', 'police'],
    ['CAMHS', 'health'],
    ['school nurses', 'health'],
    ['Probation Service', 'nps'],
    ['the Probation Service', 'nps'],
  ])('jtai plan --agency %j is %s', async (name, id) => {
    const run = await runCli(['plan', '-n', '2019-03-19', '-f', 'json', '--agency', name]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).filter.agencies.map((a: { id: string }) => a.id)).toEqual([id]);
  });

  test('an unknown name near "CSC" is told the local authority, never the CQC', async () => {
    const run = await runCli(['plan', '-n', '2019-03-19', '--agency', 'CSX']);
    expect(run.code).toBe(2);
    expect(said(run.stderr)).toMatch(
      /^jtai: --agency "CSX" is not a party of jtai-2018\. Did you mean "local-authority"\? /,
    );
  });

  test('done, status and log take them too', async () => {
    const { jtai } = await inspection('contacts: {}');
    // What the record holds is told by log, below; the message only says whose parts.
    const done = await jtai('done', 'child-level-data', '--agency', 'CSC', '--by', 'Sam', '--at', '19/03/2019 16:40');
    expect([done.code, done.stderr]).toEqual([0, expect.stringMatching(/^jtai: recorded Local authority's part /)]);
    const two = ['--agency', 'the police', '--agency', 'CAMHS', '--by', 'Sam', '--at', '20/03/2019 10:40'];
    const both = await jtai('done', 'cse-gangs-cases', ...two);
    expect([both.code, both.stderr]).toEqual([
      0,
      expect.stringMatching(/^jtai: recorded Police's and Health's parts /),
    ]);
    const events = async (...args: string[]) =>
      JSON.parse((await jtai('log', '-f', 'json', ...args)).stdout).events.map(
        (e: { item: string; agency: string }) => `${e.item} ${e.agency}`,
      );
    expect(await events()).toEqual([
      'child-level-data local-authority',
      'cse-gangs-cases police',
      'cse-gangs-cases health',
    ]);
    expect(await events('--agency', 'childrens services')).toEqual(['child-level-data local-authority']);
    expect(await events('--agency', 'the police')).toEqual(['cse-gangs-cases police']);
    const status = JSON.parse((await jtai('status', '-f', 'json', '--now', NOW, '-a', 'the Police')).stdout);
    expect(status.filter.agencies.map((a: { id: string }) => a.id)).toEqual(['police']);
  });
});

describe('contacts in the inspection file are keyed by any name of a party', () => {
  const CONTACTS = [
    'contacts:',
    '  nhs: { name: Dr Sam Patel }',
    '  la: { name: Jo Bloggs }',
    '  Police: { name: DI Jane Smith }',
    '  "Children’s Services": { name: Kim Lee }',
  ].join('\n');

  test('nhs and la are health and the local authority in status (as read, and from the cache)', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'jtai-names-cache-'));
    const { jtai } = await inspection(CONTACTS, { XDG_CACHE_HOME: cache });
    for (let read = 0; read < 2; read++) {
      const contacts = await contactsByParty(jtai);
      expect(contacts['health']).toEqual(['Dr Sam Patel']);
      expect(contacts['local-authority']).toEqual(['Jo Bloggs', 'Kim Lee']);
      expect(contacts['police']).toEqual(['DI Jane Smith']);
      expect(Object.keys(contacts)).not.toContain('nhs');
      expect(readdirSync(cache, { recursive: true }).length).toBeGreaterThan(0); // the second read is the cache's
    }
  });

  test('a name for no party is an error at its line and column, with the closest', async () => {
    const { file, jtai } = await inspection('contacts:\n  nhss: { name: X }');
    writeFileSync(file, 'notified: 2019-03-19\ncontacts:\n  police: { name: Y }\n  nhss: { name: X }\n');
    const run = await jtai('status');
    expect([run.code, said(run.stderr)]).toEqual([
      1,
      `jtai: inspection file ${file} has a problem:\n${file}:4:3: contacts: there is no party "nhss" in jtai-2018. Did you mean "health"?\n`,
    ]);
  });

  test('a name for several parties is an error that names them', async () => {
    const { file, jtai } = await inspection('');
    writeFileSync(file, 'notified: 2019-03-19\ncontacts:\n  probation: { name: X }\n  CSC: { name: Z }\n');
    const run = await jtai('status');
    expect([run.code, said(run.stderr)]).toEqual([
      1,
      `jtai: inspection file ${file} has a problem:\n${file}:3:3: contacts: "probation" means several parties of jtai-2018 (nps, crc); key them by one of those ids instead.\n`,
    ]);
  });
});
