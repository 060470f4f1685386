import { fileURLToPath } from 'node:url';
import { InputError } from '../../errors.js';
import { readTextFile } from '../../io/read-rule-set-file.js';
import type { CliIo } from '../process-io.js';

/** Where the build puts the page: dist/web/jtai.html, beside the bundle. */
const WEB_PAGE = fileURLToPath(new URL('../web/jtai.html', import.meta.url));

/** jtai web: writes the whole of jtai as one offline web page, to open, email or put on an intranet. */
export async function runWeb(options: { out: string; quiet?: boolean }, io: CliIo): Promise<void> {
  let page: string;
  try {
    page = readTextFile(WEB_PAGE, WEB_PAGE, 'web page');
  } catch {
    throw new InputError(`the web page was not built (${WEB_PAGE}); run "npm run build" in jtai's folder.`);
  }
  const { writeFilesAtomically } = await import('../../io/write-files.js');
  await writeFilesAtomically([{ path: options.out, content: page }]);
  if (!options.quiet)
    io.writeErr(
      `jtai: wrote ${options.out} (${Math.round(page.length / 1024)} KiB): open it in a browser; it works offline and sends nothing anywhere.\n`,
    );
}
