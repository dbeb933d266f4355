#!/usr/bin/env node
// The `folio` command. TypeScript sources run through tsx's loader, so there
// is no build step between editing Folio and running it.
import { register } from 'tsx/esm/api';

register();
// `folio … | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv);
