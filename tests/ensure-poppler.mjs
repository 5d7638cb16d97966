#!/usr/bin/env node
// Finds poppler's pdftoppm and pdftotext, which tests/e2e/briefing.test.ts renders the printed
// briefing with, or installs Debian's poppler-utils when it can (root with apt-get). Like the
// browser check, it never lets that test skip: without them it stops with what to install.
import { execFileSync, spawnSync } from 'node:child_process';

const TOOLS = ['pdftoppm', 'pdftotext', 'pdfinfo'];
const there = () => TOOLS.every((t) => spawnSync('sh', ['-c', `command -v ${t}`], { stdio: 'ignore' }).status === 0);

export function ensurePoppler() {
  if (there()) return TOOLS.join(', ');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    console.log("The briefing test renders the printed PDF with poppler: installing Debian's poppler-utils with apt-get…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'poppler-utils'], { stdio: 'inherit', env });
    if (there()) return TOOLS.join(', ');
  }
  throw new Error(`The briefing test needs ${TOOLS.join(', ')} (poppler). Install Debian's package:  sudo apt-get install poppler-utils`);
}
