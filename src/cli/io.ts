/** What a command may touch of the process: passed in, so tests can run commands in-process. */
export interface CliIo {
  writeOut(text: string): void;
  writeErr(text: string): void;
  /** Whether stdout is a terminal, and how wide. */
  stdoutIsTty: boolean;
  columns: number | undefined;
  env: Readonly<Record<string, string | undefined>>;
}

export const processIo: CliIo = {
  writeOut: (text) => void process.stdout.write(text),
  writeErr: (text) => void process.stderr.write(text),
  stdoutIsTty: process.stdout.isTTY === true,
  columns: process.stdout.columns,
  env: process.env,
};
