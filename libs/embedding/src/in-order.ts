/**
 * Yields `work(item)` for every item, in item order, with up to `limit` calls started ahead: results arrive in the
 * same order whatever call finished first, so what the caller builds from them does not depend on timing.
 */
export async function* inOrder<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): AsyncGenerator<R> {
  const started: Promise<R>[] = [];
  const start = (index: number) => {
    const call = work(items[index]!);
    // Seen now, thrown when its turn comes: a later call may fail while an earlier one is still awaited.
    call.catch(() => {});
    started.push(call);
  };
  for (let index = 0; index < items.length; index++) {
    while (started.length < Math.min(items.length, index + Math.max(1, limit))) start(started.length);
    yield await started[index]!;
  }
}
