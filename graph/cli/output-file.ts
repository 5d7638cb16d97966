/**
 * A command's one output file: refused when something is at the path already
 * (unless `--force`), and a failed write said in words. What convert does for
 * its files, for the commands that write one.
 */
import { fileErrorText, type Io } from './common';
import { clean } from './terminal';

/** Writes `text` to `path`; false (the reason printed, nothing written) when it may not or cannot. */
export function writeOutputFile(io: Io, path: string, text: string, force: boolean): boolean {
  if (!force && io.exists(path)) {
    io.err(`${clean(path)}: exists already; give --force to overwrite it; nothing written`);
    return false;
  }
  try {
    io.writeFile(path, text);
  } catch (err) {
    io.err(`${clean(path)}: cannot write: ${fileErrorText(err, 'no such folder')}`);
    return false;
  }
  return true;
}
