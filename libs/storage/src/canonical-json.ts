/**
 * JSON with object keys sorted (by code unit, recursively), so equal values always serialize to equal text:
 * the basis of content addressing and of diff-friendly JSON artifacts. `indent` = 0 gives compact text;
 * otherwise the layout matches JSON.stringify(value, null, indent).
 *
 * Unlike JSON.stringify this refuses inputs that would silently lose information and so let different
 * cache inputs collide: non-finite numbers (JSON writes null), Maps, Sets and other class instances without
 * toJSON (JSON writes {}), bigints and cycles. As in JSON, undefined/function/symbol properties are dropped
 * and become null inside arrays.
 */
export function canonicalJson(value: unknown, indent = 0): string {
  const text = write(value, ' '.repeat(indent), '', new Set());
  if (text === undefined) throw new TypeError(`canonicalJson: cannot serialize a top-level ${typeof value}`);
  return text;
}

function write(input: unknown, unit: string, outer: string, ancestors: Set<object>): string | undefined {
  const value = hasToJson(input) ? input.toJSON() : input;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
      return JSON.stringify(value);
    case 'bigint':
      throw new TypeError('canonicalJson: bigint values are not JSON');
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value === null) return 'null';
  if (ancestors.has(value)) throw new TypeError('canonicalJson: circular structure');
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
    throw new TypeError(`canonicalJson: cannot serialize a ${proto.constructor?.name ?? 'class'} instance`);
  }
  ancestors.add(value);
  const inner = outer + unit;
  let items: string[];
  if (Array.isArray(value)) {
    items = value.map((item) => write(item, unit, inner, ancestors) ?? 'null');
  } else {
    const record = value as Record<string, unknown>;
    items = [];
    for (const key of Object.keys(record).sort()) {
      const text = write(record[key], unit, inner, ancestors);
      if (text !== undefined) items.push(`${JSON.stringify(key)}:${unit ? ' ' : ''}${text}`);
    }
  }
  ancestors.delete(value);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (items.length === 0) return open + close;
  if (!unit) return open + items.join(',') + close;
  return `${open}\n${inner}${items.join(`,\n${inner}`)}\n${outer}${close}`;
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  );
}
