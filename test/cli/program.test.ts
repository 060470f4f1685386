import { describe, expect, test } from 'vitest';
import { commandNamed, makeProgram } from '../../src/cli/program.js';

// main builds only the command a line starts with (makeProgram's `only`): each command, built
// alone, must be exactly the command the whole table has, so no output can tell them apart.

const io = { writeOut() {}, writeErr() {}, stdoutIsTty: false, columns: 80, env: {} };
const whole = makeProgram(io, '0');

describe('the command table', () => {
  test('commandNamed gives the first word when it is a command, or the one help is asked for', () => {
    expect(commandNamed(['plan', '-n', '2019-03-19'])).toBe('plan');
    expect(commandNamed(['help', 'status'])).toBe('status');
    expect(commandNamed(['check', 'plan'])).toBe('check');
    // Anything before the command is jtai's own (--help plan is jtai's help): the whole table.
    for (const args of [[], ['--help', 'plan'], ['-q', 'plan'], ['help'], ['paln'], ['help', 'paln'], ['constructor']])
      expect(commandNamed(args)).toBeUndefined();
  });

  test.each(whole.commands.map((c) => [c.name()]))('%s built alone is the command of the whole table', (name) => {
    const alone = makeProgram(io, '0', name);
    expect(alone.commands.map((c) => c.name())).toEqual([name]);
    const [command] = alone.commands;
    const full = whole.commands.find((c) => c.name() === name)!;
    expect(command!.helpInformation()).toBe(full.helpInformation());
    expect(command!.options.map((o) => [o.flags, o.defaultValue])).toEqual(
      full.options.map((o) => [o.flags, o.defaultValue]),
    );
  });
});
