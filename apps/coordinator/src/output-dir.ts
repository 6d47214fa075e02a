import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { onShutdown } from './shutdown.js';

/**
 * Publishes a job's output directory all at once: files are written into a fresh sibling directory, which then
 * replaces the target (an earlier run's directory is moved aside first and removed after). A run that fails
 * before `commit` leaves the target untouched and no partial output behind.
 */
export class OutputDirectory {
  private readonly staging: string;

  /** A signal during the write removes the staging directory too. */
  private readonly forgetCleanup: () => void;

  private constructor(
    readonly target: string,
    staging: string,
  ) {
    this.staging = staging;
    this.forgetCleanup = onShutdown(() => this.abandon());
  }

  static async create(target: string): Promise<OutputDirectory> {
    const existing = await stat(target).catch(() => undefined);
    if (existing && !existing.isDirectory()) throw new Error(`${target}: exists and is not a directory`);
    const parent = dirname(target);
    await mkdir(parent, { recursive: true });
    const staging = join(parent, `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
    await mkdir(staging);
    return new OutputDirectory(target, staging);
  }

  /** Writes a file; `name` may hold subdirectories (a sweep's mixtures), which are created as needed. */
  async write(name: string, content: string | Uint8Array): Promise<void> {
    const path = join(this.staging, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }

  async commit(): Promise<void> {
    const previous = `${this.staging}.previous`;
    const hadPrevious = await rename(this.target, previous).then(
      () => true,
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return false;
        throw err;
      },
    );
    await rename(this.staging, this.target);
    this.forgetCleanup();
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  }

  async abandon(): Promise<void> {
    this.forgetCleanup();
    await rm(this.staging, { recursive: true, force: true });
  }
}
