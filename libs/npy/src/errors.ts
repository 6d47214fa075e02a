/** A problem with a .npy file, reported as one line naming the file. */
export class NpyError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'NpyError';
  }
}
