#!/usr/bin/env node
// Entry point: registers tsx so the TypeScript sources run directly (no separate compile step to go stale).
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
