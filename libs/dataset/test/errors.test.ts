import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { listInputFiles, scanCollection } from '@smartmix/dataset';
import type { ColumnSource } from 'hyparquet-writer';
import {
  collect,
  jsonl,
  parquetBytes,
  parquetColumns,
  put,
  rec,
  rejectsWith,
  tempDir,
  withColumn,
} from './helpers.js';

const dir = await tempDir();
const TYPES = 'expected zs_opt, zs_noopt, fs_opt, fs_noopt';

/** V8's own message for text that JSON.parse rejects, which the error quotes. */
function parseMessage(text: string): string {
  try {
    JSON.parse(text);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`${text} parses`);
}

describe('JSONL records: <file>:<line>: <field>: <problem>', () => {
  const cases: {
    name: string;
    content: string | Uint8Array;
    line: number | null;
    field: string | null;
    problem: string;
  }[] = [
    {
      name: 'malformed JSON',
      content: `${jsonl(rec('a'))}{"id": "b",\n`,
      line: 2,
      field: null,
      problem: `malformed JSON (${parseMessage('{"id": "b",')})`,
    },
    {
      name: 'an array, not an object',
      content: '[1, 2]\n',
      line: 1,
      field: null,
      problem: 'not a JSON object (got array)',
    },
    {
      name: 'null, not an object',
      content: 'null\n',
      line: 1,
      field: null,
      problem: 'not a JSON object (got null)',
    },
    {
      name: 'missing field',
      content: jsonl({ id: 'a', task: 't', template_type: 'zs_opt', prompt: 'p' }),
      line: 1,
      field: 'response',
      problem: 'missing',
    },
    {
      name: 'null field',
      content: jsonl(rec('a', { task: null })),
      line: 1,
      field: 'task',
      problem: 'missing',
    },
    {
      name: 'empty field',
      content: jsonl(rec('a', { prompt: '' })),
      line: 1,
      field: 'prompt',
      problem: 'empty',
    },
    {
      name: 'whitespace field',
      content: jsonl(rec('a', { response: ' \t' })),
      line: 1,
      field: 'response',
      problem: 'empty',
    },
    {
      name: 'number field',
      content: jsonl(rec('a', { task: 3 })),
      line: 1,
      field: 'task',
      problem: 'expected a string, got number',
    },
    {
      name: 'array field',
      content: jsonl(rec('a', { id: ['a'] })),
      line: 1,
      field: 'id',
      problem: 'expected a string, got array',
    },
    {
      name: 'unknown template type',
      content: jsonl(rec('a'), rec('b', { template_type: 'zero_shot' })),
      line: 2,
      field: 'template_type',
      problem: `unknown template type 'zero_shot' (${TYPES})`,
    },
    {
      name: 'duplicate id',
      content: jsonl(rec('a'), rec('b'), rec('a')),
      line: 3,
      field: 'id',
      problem: "duplicate id 'a'",
    },
    {
      name: 'empty line',
      content: `${jsonl(rec('a'))}\n${jsonl(rec('b'))}`,
      line: 2,
      field: null,
      problem: 'blank line',
    },
    {
      name: 'whitespace line',
      content: `${jsonl(rec('a'))}  \r\n`,
      line: 2,
      field: null,
      problem: 'blank line',
    },
    {
      name: 'two newlines at the end',
      content: `${jsonl(rec('a'))}\n`,
      line: 2,
      field: null,
      problem: 'blank line',
    },
    {
      name: 'non-UTF-8 bytes',
      content: Buffer.concat([
        Buffer.from(`${jsonl(rec('a'))}{"id": "`),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('"}\n'),
      ]),
      line: 2,
      field: null,
      problem: 'invalid UTF-8',
    },
    { name: 'empty file', content: '', line: null, field: null, problem: 'the collection holds no records' },
  ];
  for (const { name, content, line, field, problem } of cases) {
    it(name, async () => {
      const file = await put(dir, 'bad.jsonl', content);
      const where = line === null ? '' : `:${line}`;
      const message = `${file}${where}: ${field === null ? '' : `${field}: `}${problem}`;
      await rejectsWith(collect([file]), { message, file, line, field });
    });
  }

  it('names the mapped field', async () => {
    const file = await put(
      dir,
      'mapped.jsonl',
      jsonl({ uid: 'a', task: 't', prompt: 'p', response: 'r' }, { task: 't' }),
    );
    const options = { fields: { id: 'uid', templateType: null } };
    await rejectsWith(collect([file], options), {
      message: `${file}:2: uid: missing`,
      file,
      line: 2,
      field: 'uid',
    });
  });

  it('finds a duplicate id across files, at its second occurrence', async () => {
    const a = await put(dir, 'dup-a.jsonl', jsonl(rec('x'), rec('y')));
    const b = await put(dir, 'dup-b.jsonl.gz', gzipSync(jsonl(rec('z'), rec('x'))));
    await rejectsWith(scanCollection([a, b]), {
      message: `${b}:2: id: duplicate id 'x'`,
      file: b,
      line: 2,
      field: 'id',
    });
  });

  it('an empty collection of several files names them all', async () => {
    const a = await put(dir, 'empty-a.jsonl', '');
    const b = await put(dir, 'empty-b.jsonl.gz', gzipSync(''));
    const file = `${a}, ${b}`;
    await rejectsWith(collect([a, b]), {
      message: `${file}: the collection holds no records`,
      file,
      line: null,
      field: null,
    });
  });

  it('a file that is not gzip, and a truncated one', async () => {
    const file = await put(dir, 'plain.jsonl.gz', jsonl(rec('a')));
    await rejectsWith(collect([file]), {
      message: `${file}: not valid gzip (incorrect header check)`,
      file,
      line: null,
      field: null,
    });
    const whole = gzipSync(jsonl(rec('a'), rec('b')));
    const cut = await put(dir, 'cut.jsonl.gz', whole.subarray(0, whole.length - 10));
    await rejectsWith(collect([cut]), {
      message: `${cut}: not valid gzip (unexpected end of file)`,
      file: cut,
      line: null,
      field: null,
    });
  });
});

describe('Parquet records: <file>:row <n>: <field>: <problem>', () => {
  const strings = (name: string, data: (string | null)[]): ColumnSource => ({ name, data, type: 'STRING' });
  const write = (name: string, columns: ColumnSource[]) => put(dir, name, parquetBytes(columns, 2));

  it('unknown template type in a later row group', async () => {
    const file = await write(
      'type.parquet',
      withColumn(
        parquetColumns(5),
        strings('template_type', ['zs_opt', 'zs_opt', 'zs_opt', 'zs_opt', 'few']),
      ),
    );
    await rejectsWith(collect([file]), {
      message: `${file}:row 5: template_type: unknown template type 'few' (${TYPES})`,
      file,
      line: 5,
      field: 'template_type',
    });
  });

  it('null value', async () => {
    const file = await write(
      'null.parquet',
      withColumn(parquetColumns(3), strings('response', ['r', 'r', null])),
    );
    await rejectsWith(collect([file]), {
      message: `${file}:row 3: response: missing`,
      file,
      line: 3,
      field: 'response',
    });
  });

  it('non-string column', async () => {
    const file = await write(
      'int.parquet',
      withColumn(parquetColumns(2), { name: 'task', data: [1, 2], type: 'INT32' }),
    );
    await rejectsWith(collect([file]), {
      message: `${file}:row 1: task: expected a string, got number`,
      file,
      line: 1,
      field: 'task',
    });
  });

  it('non-UTF-8 bytes', async () => {
    const bytes = [new TextEncoder().encode('ok'), Uint8Array.of(0x61, 0xc3)];
    const file = await write(
      'utf8.parquet',
      withColumn(parquetColumns(2), { name: 'prompt', data: bytes, type: 'BYTE_ARRAY' }),
    );
    await rejectsWith(collect([file]), {
      message: `${file}:row 2: prompt: invalid UTF-8`,
      file,
      line: 2,
      field: 'prompt',
    });
  });

  it('missing column', async () => {
    const file = await write(
      'column.parquet',
      parquetColumns(2).filter((c) => c.name !== 'prompt'),
    );
    await rejectsWith(collect([file]), {
      message: `${file}: prompt: no such column`,
      file,
      line: null,
      field: 'prompt',
    });
  });

  it('duplicate id', async () => {
    const file = await write('dup.parquet', withColumn(parquetColumns(3), strings('id', ['a', 'b', 'b'])));
    await rejectsWith(collect([file]), {
      message: `${file}:row 3: id: duplicate id 'b'`,
      file,
      line: 3,
      field: 'id',
    });
  });

  it('not a Parquet file', async () => {
    const file = await put(dir, 'broken.parquet', 'not parquet at all');
    await rejectsWith(collect([file]), {
      message: `${file}: not a readable Parquet file (parquet file invalid (footer != PAR1))`,
      file,
      line: null,
      field: null,
    });
  });
});

describe('input paths', () => {
  const whole = (file: string, problem: string) => ({
    message: `${file}: ${problem}`,
    file,
    line: null,
    field: null,
  });

  it('none given', async () => {
    await rejectsWith(listInputFiles([]), whole('(input)', 'no input paths given'));
  });

  it('missing path', async () => {
    const path = join(dir, 'nope');
    await rejectsWith(listInputFiles([path]), whole(path, 'no such file or directory'));
  });

  it('a file that is not data', async () => {
    const path = await put(dir, 'README.md', '# hi');
    await rejectsWith(listInputFiles([path]), whole(path, 'not a .jsonl, .jsonl.gz or .parquet file'));
  });

  it('a directory without data files', async () => {
    const path = join(dir, 'notes');
    await mkdir(path);
    await put(path, 'stats.json', '{}');
    await rejectsWith(
      listInputFiles([path]),
      whole(path, 'directory holds no .jsonl, .jsonl.gz or .parquet files'),
    );
  });

  it('a file given twice, directly and through its directory', async () => {
    const sub = join(dir, 'twice');
    await mkdir(sub);
    const file = await put(sub, 'a.jsonl', jsonl(rec('a')));
    await rejectsWith(
      listInputFiles([file, `${sub}/`]),
      whole(join(sub, 'a.jsonl'), 'input file given more than once'),
    );
  });
});
