import { runReportJob } from '@smartmix/coordinator';
import type { Command } from 'commander';
import { writeTextOutput } from '../output.js';

interface ReportFlags {
  out: string;
  embeddings?: string;
  ids?: string;
  title?: string;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('one self-contained HTML report of one or more mixtures (SMART vs baselines, sweeps)')
    .argument('<dirs...>', 'mixture directories (manifest.json, mixture.jsonl) of one collection')
    .requiredOption('--out <file>', 'the HTML file to write')
    .option(
      '--embeddings <file>',
      'compare the runs on these prompt embeddings (.npy; default: the runs’ own)',
    )
    .option('--ids <file>', 'JSON array of the ids of the --embeddings rows')
    .option('--title <text>', 'page title')
    .action(async (dirs: string[], flags: ReportFlags) => {
      const html = await runReportJob({
        dirs,
        embeddings: flags.embeddings,
        ids: flags.ids,
        title: flags.title,
        log: (line) => process.stderr.write(`${line}\n`),
      });
      await writeTextOutput(flags.out, html);
    });
}
