import { join } from 'node:path';
import ts from 'typescript';

export interface LiteralCheck {
  /** Module exporting the type, e.g. '@grafana/schema'. */
  module: string;
  /** The exported type the value must satisfy, e.g. 'Dashboard'. */
  type: string;
  value: unknown;
}

/**
 * Type-checks JSON values against TypeScript types published on npm, with the TypeScript compiler: each value is
 * written as an object literal annotated with its type, so besides every field's type, excess-property checks
 * reject every field name the type does not know, at every level. Used where a schema is published as generated
 * TypeScript rather than JSON Schema (Grafana's dashboard schema in @grafana/schema; kubernetes-models' types,
 * which, unlike its validators, catch unknown fields). Returns the compiler's messages (none: every value fits).
 */
export function literalTypeErrors(root: string, checks: LiteralCheck[]): string[] {
  const file = join(root, 'test', 'deploy', '__literal_type_check__.ts');
  const source = checks
    .map(
      (c, i) =>
        `import type { ${c.type} as T${i} } from '${c.module}';\n` +
        `export const value${i}: T${i} = ${JSON.stringify(c.value, null, 2)};\n`,
    )
    .join('');
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    name === file ? ts.createSourceFile(name, source, version) : getSourceFile(name, version, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (d.file?.fileName !== file || d.start === undefined) return message;
    // Name the value the error is in: the nearest `export const valueN` above it.
    const before = source.slice(0, d.start);
    const index = Number(before.slice(before.lastIndexOf('export const value') + 18).match(/^\d+/)?.[0]);
    return `${checks[index]?.type ?? '?'} #${index}: ${message}`;
  });
}
