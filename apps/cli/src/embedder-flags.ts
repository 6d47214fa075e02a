import type { EmbedderSettings } from '@smartmix/coordinator';
import { parseDevice } from '@smartmix/onnx';
import { type Command, Option } from 'commander';
import { InputError } from './errors.js';
import { choiceOption, integerOption } from './parse.js';

export interface EmbedderFlags {
  model?: string;
  tokenizer?: string;
  pooling: 'mean' | 'cls';
  /** false when --no-normalize is given. */
  normalize: boolean;
  maxLength?: number;
  threads?: number;
  batchSize: number;
}

export const DEFAULT_BATCH_SIZE = 32;

/** A --device value, checked here so that a typo is a one-line input error. */
export function deviceOption(text: string): string {
  try {
    parseDevice(text);
  } catch (err) {
    throw new InputError(`--device: ${(err as Error).message}`);
  }
  return text;
}

/** The flags of the ONNX sentence encoder (shared by `embed` and `mix`). */
export function addEmbedderFlags(command: Command): Command {
  return command
    .option(
      '--model <file.onnx>',
      'sentence-encoder ONNX model (inputs input_ids, attention_mask[, token_type_ids]; default: the bundled USE-Lite)',
    )
    .option('--tokenizer <tokenizer.json>', "the model's HF tokenizers file (WordPiece)")
    .addOption(
      new Option('--pooling <mode>', 'mean | cls')
        .argParser(choiceOption('--pooling', ['mean', 'cls'] as const))
        .default('mean'),
    )
    .option('--no-normalize', 'keep the pooled vectors as they are (default: L2-normalised)')
    .option(
      '--max-length <n>',
      "tokens per text, special tokens included; longer texts are cut (default: the tokenizer file's, else 512)",
      integerOption('--max-length', 3),
    )
    .option(
      '--threads <n>',
      'onnxruntime intra-op threads (default: all cores)',
      integerOption('--threads', 1),
    )
    .option('--batch-size <b>', 'texts per model run', integerOption('--batch-size', 1), DEFAULT_BATCH_SIZE);
}

/** The embedder the flags name (the bundled default model without --model); --model and --tokenizer go together. */
export function embedderSettings(
  flags: EmbedderFlags,
  device: { device: string; strictDevice?: boolean },
  warn: (message: string) => void,
): EmbedderSettings {
  if ((flags.model === undefined) !== (flags.tokenizer === undefined)) {
    throw new InputError('--model and --tokenizer go together');
  }
  return {
    model: flags.model,
    tokenizer: flags.tokenizer,
    pooling: flags.pooling,
    normalize: flags.normalize,
    maxLength: flags.maxLength,
    threads: flags.threads,
    batchSize: flags.batchSize,
    ...device,
    warn,
  };
}
