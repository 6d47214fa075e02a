/** A selection request that does not fit its data or its limits (reported to users as bad input, not as a bug). */
export class SelectionInputError extends Error {
  override name = 'SelectionInputError';
}
