#!/usr/bin/env node
// Thin launcher so `npx smartmix` works from the workspace once `npm run build` has compiled apps/cli.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv);
