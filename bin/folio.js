#!/usr/bin/env node
// The `folio` command. TypeScript sources run through tsx's loader, so there
// is no build step between editing Folio and running it.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv);
