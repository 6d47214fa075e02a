import { InputError } from './errors.js';

/** Commander option parsers that turn malformed values into one-line input errors. */
export function integerOption(flag: string, min: number) {
  return (text: string): number => {
    const value = Number(text);
    if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) {
      throw new InputError(`${flag}: expected an integer ≥ ${min}, got '${text}'`);
    }
    return value;
  };
}

export function numberOption(flag: string, check: (v: number) => boolean, expectation: string) {
  return (text: string): number => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || !check(value)) {
      throw new InputError(`${flag}: expected ${expectation}, got '${text}'`);
    }
    return value;
  };
}

export function choiceOption<T extends string>(flag: string, choices: readonly T[]) {
  return (text: string): T => {
    if (!(choices as readonly string[]).includes(text)) {
      throw new InputError(`${flag}: unknown value '${text}' (expected one of ${choices.join(', ')})`);
    }
    return text as T;
  };
}

/** An integer, or a comma-separated list of distinct integers (a sweep), each ≥ min. */
export function integerListOption(flag: string, min: number) {
  const one = integerOption(flag, min);
  return (text: string): number | number[] => {
    if (!text.includes(',')) return one(text);
    const values = text.split(',').map(one);
    const repeated = values.find((v, i) => values.indexOf(v) !== i);
    if (repeated !== undefined) throw new InputError(`${flag}: ${repeated} is listed twice in '${text}'`);
    return values;
  };
}
