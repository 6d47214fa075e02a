import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import type { EmbeddedWindow } from '@smartmix/embedding';
import { MatrixRowWriter } from '@smartmix/npy';
import { temporaryPathFor } from '@smartmix/storage/atomic-file';

/**
 * The two files of `smartmix embed`, streamed window by window: the float32 .npy of vectors and the JSON array
 * of their ids, row for row. Both go to temporary files and are renamed into place together on `commit`, so a
 * failed run leaves neither.
 */
export class EmbeddingOutput {
  private first = true;

  private constructor(
    private readonly matrix: MatrixRowWriter,
    private readonly idsFile: string,
    private readonly idsTemp: string,
    private readonly ids: FileHandle,
  ) {}

  static async create(npyFile: string, idsFile: string, dim: number): Promise<EmbeddingOutput> {
    const matrix = await MatrixRowWriter.create(npyFile, dim);
    const idsTemp = temporaryPathFor(idsFile);
    try {
      const ids = await open(idsTemp, 'wx');
      await ids.write('[');
      return new EmbeddingOutput(matrix, idsFile, idsTemp, ids);
    } catch (err) {
      await matrix.abort();
      throw err;
    }
  }

  get rows(): number {
    return this.matrix.rowCount;
  }

  async append(window: EmbeddedWindow): Promise<void> {
    const text = window.ids
      .map((id, i) => `${this.first && i === 0 ? '' : ','}\n  ${JSON.stringify(id)}`)
      .join('');
    this.first = false;
    await Promise.all([this.matrix.append(window.vectors), this.ids.write(text)]);
  }

  async commit(): Promise<void> {
    try {
      await this.ids.write(this.first ? ']\n' : '\n]\n');
      await this.ids.sync();
      await this.ids.close();
      const npyTemp = await this.matrix.finish();
      await rename(this.idsTemp, this.idsFile);
      await rename(npyTemp, this.matrix.file);
    } catch (err) {
      await this.abort();
      throw err;
    }
  }

  async abort(): Promise<void> {
    await this.ids.close().catch(() => {});
    await Promise.all([rm(this.idsTemp, { force: true }), this.matrix.abort()]);
  }
}
