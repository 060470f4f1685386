import { oneLine } from './core/text/text-rules.js';

/** Where a problem is in a rule-set file. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** One problem found in a rule set: where it is and what is wrong. */
export interface Problem {
  /** Path into the rule set, for example ["items", 3, "at"]. */
  path: ReadonlyArray<string | number>;
  message: string;
  position?: SourcePosition;
}

/** An error that jtai explains to the user; anything else is a bug. */
export class JtaiError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A broken invariant: a bug in jtai, never the user's doing. main reports it as one (exit 70). */
export class InternalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InternalError';
  }
}

/** The command line was wrong: a missing or unknown option, a bad value. Exit code 2. */
export class UsageError extends JtaiError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** An input value or file could not be used: an impossible date, a missing file. Exit code 1. */
export class InputError extends JtaiError {}

/** Working days were needed in a year whose bank holidays jtai does not know. Exit code 1. */
export class UnknownYearError extends JtaiError {
  constructor(
    readonly year: number,
    readonly firstYear: number,
    readonly lastYear: number,
  ) {
    super(
      `${year} is outside the years whose bank holidays jtai knows (${firstYear} to ${lastYear}), so its working days cannot be counted.`,
    );
  }
}

/** A wall-clock time that a clock change skips (01:30 on the last Sunday of March in London). */
export class NonexistentTimeError extends JtaiError {}

/** A failure the command has already reported in its output (jtai check): exit 1, nothing more said. */
export class ReportedFailure extends JtaiError {
  constructor() {
    super('');
  }
}

/** A rule set (or an inspection file) has one or more problems; all of them are listed. Exit code 1. */
export class RuleSetError extends JtaiError {
  constructor(
    readonly file: string,
    readonly problems: readonly Problem[],
    readonly what: 'rule set' | 'inspection file' = 'rule set',
  ) {
    super(formatProblems(file, problems, what));
  }
}

export function formatPosition(file: string, problem: Problem): string {
  const p = problem.position;
  return p ? `${p.file}:${p.line}:${p.column}` : file;
}

const MAX_LISTED = 20;

function formatProblems(file: string, problems: readonly Problem[], what: string): string {
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  // One problem a line, whatever line breaks a quoted value brought (a file name, an id).
  const lines = problems.slice(0, MAX_LISTED).map((p) => oneLine(`${formatPosition(file, p)}: ${p.message}`));
  if (problems.length > MAX_LISTED) lines.push(`... and ${problems.length - MAX_LISTED} more; mend these first.`);
  return [`${what} ${file} has ${count}:`, ...lines].join('\n');
}
