#!/usr/bin/env -S node --initial-old-space-size=256
// Thin launcher so `npx smartmix` works from the workspace once `npm run build` has compiled apps/cli. The shebang
// passes NODE_FLAGS (src/node-flags.ts says why); env -S splits them from the interpreter name.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv);
