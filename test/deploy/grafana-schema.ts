import { join } from 'node:path';
import ts from 'typescript';

/**
 * Grafana publishes its dashboard schema (CUE) to npm as the generated TypeScript types of @grafana/schema; the
 * package ships no JSON Schema. So the dashboard is checked against those types by the TypeScript compiler: the
 * JSON is written as an object literal typed `Dashboard`, which checks every field's type and, through excess
 * property checks, every field name, at every level the schema types. Returns the compiler's messages (none: valid).
 */
export function dashboardSchemaErrors(root: string, dashboard: unknown): string[] {
  const file = join(root, 'test', 'deploy', '__grafana_dashboard_check__.ts');
  const source = `import type { Dashboard } from '@grafana/schema';\nexport const dashboard: Dashboard = ${JSON.stringify(dashboard, null, 2)};\n`;
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
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}
