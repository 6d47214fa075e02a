// The CLI's entry point run from source by the tests (bin/smartmix.js does the same with the built output).
import { main } from '../src/main.js';

process.exitCode = await main(process.argv);
