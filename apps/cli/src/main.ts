import { VERSION } from '@smartmix/coordinator';
import { Command, CommanderError } from 'commander';
import { registerAllocate } from './commands/allocate.js';
import { registerMix } from './commands/mix.js';
import { registerSelect } from './commands/select.js';
import { isInputError } from './errors.js';

export function buildProgram(): Command {
  const program = new Command('smartmix')
    .description('SMART instruction-tuning data mixtures at FLAN scale')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ outputError: () => {} });
  registerSelect(program);
  registerAllocate(program);
  registerMix(program);
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
    const cause = err instanceof CommanderError ? undefined : (err as { cause?: unknown }).cause;
    if (isInputError(err) || isInputError(cause)) {
      process.stderr.write(`error: ${(isInputError(err) ? err : (cause as Error)).message}\n`);
      return 2;
    }
    process.stderr.write(
      `internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return 1;
  }
}
