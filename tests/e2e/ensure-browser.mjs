#!/usr/bin/env node
// Finds the Chromium the browser tests need, or installs Debian's package when
// it can (root with apt-get). It never lets the browser tests skip silently:
// without a browser it stops with a message saying what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const DEFAULT = '/usr/bin/chromium';

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findBrowser() {
  const override = process.env.CHROME_PATH;
  if (override) {
    if (executable(override)) return override;
    throw new Error(`CHROME_PATH is set to ${override}, which is not an executable file.`);
  }
  return executable(DEFAULT) ? DEFAULT : null;
}

export function ensureBrowser() {
  let path = findBrowser();
  if (path) return path;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    console.log('Browser tests need Chromium: installing Debian\'s "chromium" package with apt-get…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    path = findBrowser();
    if (path) return path;
  }
  throw new Error(
    [
      'The browser tests need Chromium and none was found at /usr/bin/chromium.',
      'Install Debian\'s package:  sudo apt-get install chromium',
      'or point CHROME_PATH at a Chromium or Chrome binary:  CHROME_PATH=/path/to/chrome npm test',
    ].join('\n'),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(`Browser for e2e tests: ${ensureBrowser()}`);
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
