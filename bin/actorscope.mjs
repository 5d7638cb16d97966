#!/usr/bin/env node
// The `actorscope` command. It runs graph/cli.ts through tsx, so the CLI works
// straight after `npm install`, with no build step to remember.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../graph/cli.ts');
process.exitCode = await main(process.argv.slice(2));
