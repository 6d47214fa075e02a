/** Bad job input (files, flags, sizes) as opposed to a bug: the CLI prints it as one line and exits 2. */
export class JobInputError extends Error {
  override name = 'InputError';
}
