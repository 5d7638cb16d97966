#!/usr/bin/env node
// Finds the Python with networkx and igraph that tests/unit/foreign-readers.test.ts opens our
// exports with, or installs Debian's packages when it can (root with apt-get). Like the browser
// check, it never lets those tests skip: without them it stops with what to install.
import { execFileSync, spawnSync } from 'node:child_process';

const PYTHON = process.env.ACTORSCOPE_PYTHON ?? '/usr/bin/python3';
const PACKAGES = ['python3-networkx', 'python3-igraph'];

const readersThere = () => spawnSync(PYTHON, ['-c', 'import networkx, igraph'], { stdio: 'ignore' }).status === 0;

export function ensurePythonReaders() {
  if (readersThere()) return PYTHON;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt && !process.env.ACTORSCOPE_PYTHON) {
    console.log(`The export tests read our files with networkx and igraph: installing Debian's ${PACKAGES.join(' and ')} with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...PACKAGES], { stdio: 'inherit', env });
    if (readersThere()) return PYTHON;
  }
  throw new Error(
    [
      `The export tests need networkx and igraph in ${PYTHON}, and it cannot import them.`,
      `Install Debian's packages:  sudo apt-get install ${PACKAGES.join(' ')}`,
      'or point ACTORSCOPE_PYTHON at a Python that has both:  ACTORSCOPE_PYTHON=/path/to/python3 npm test',
    ].join('\n'),
  );
}
