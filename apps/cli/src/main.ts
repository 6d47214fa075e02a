import { VERSION } from '@smartmix/coordinator';
import { Command, CommanderError } from 'commander';
import { registerAllocate } from './commands/allocate.js';
import { registerEmbed } from './commands/embed.js';
import { registerMix } from './commands/mix.js';
import { registerReport } from './commands/report.js';
import { registerSelect } from './commands/select.js';
import { registerWorker } from './commands/worker.js';
import { isInputError, isOperationalError } from './errors.js';

export function buildProgram(): Command {
  const program = new Command('smartmix')
    .description('SMART instruction-tuning data mixtures at FLAN scale')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ outputError: () => {} });
  registerSelect(program);
  registerAllocate(program);
  registerMix(program);
  registerReport(program);
  registerEmbed(program);
  registerWorker(program);
  for (const command of program.commands) command.exitOverride().configureOutput({ outputError: () => {} });
  return program;
}

/** Runs the CLI and returns the process exit code: 0 ok, 2 bad input (one line on stderr), 1 internal failure. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return 0; // --help, --version
      process.stderr.write(`error: ${err.message.replace(/^error: /, '')}\n`);
      return 2;
    }
    if (isInputError(err)) {
      process.stderr.write(`error: ${err.message}\n`);
      return 2;
    }
    if (isOperationalError(err)) {
      process.stderr.write(`error: ${err.message}\n`);
      return 1;
    }
    process.stderr.write(
      `internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return 1;
  }
}
