#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/cli/main.ts by `npm run compile` (run by `npm ci` through `prepare`).
import { main } from '../dist/src/cli/main.js';
main(process.argv).then((code) => { process.exitCode = code; });
