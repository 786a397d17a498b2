/**
 * Lets a tsx script load the API's sources (apps/api/src) as Nest needs them. tsx compiles with
 * esbuild, which emits no decorator metadata (`design:paramtypes`), so Nest could not inject
 * constructor parameters: these files are compiled with TypeScript's own transpiler instead
 * (as ts-jest does for the integration tests), and `@passerelle/domain` resolves to its sources.
 * Load the API's files with the function this returns, by path from the repository root.
 */
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../../..');
const API_SOURCES = path.join(ROOT, 'apps/api/src') + path.sep;
const DOMAIN_ENTRY = path.join(ROOT, 'libs/domain/src/index.ts');

interface CompilableModule {
  _compile(code: string, filename: string): void;
}
type Loader = (module: CompilableModule, filename: string) => void;
type Resolver = (request: string, ...rest: unknown[]) => string;
interface ModuleInternals {
  _extensions: Record<string, Loader>;
  _resolveFilename: Resolver;
}

const compilerOptions: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  inlineSourceMap: true,
};

let registered = false;

export function registerApiSources(): (pathFromRoot: string) => unknown {
  const internals = Module as unknown as ModuleInternals;
  if (!registered) {
    registered = true;
    const previousLoader = internals._extensions['.ts'];
    internals._extensions['.ts'] = (module, filename) => {
      if (!filename.startsWith(API_SOURCES)) return previousLoader(module, filename);
      const source = readFileSync(filename, 'utf8');
      const { outputText } = ts.transpileModule(source, { fileName: filename, compilerOptions });
      module._compile(outputText, filename);
    };
    const previousResolver = internals._resolveFilename;
    internals._resolveFilename = function (this: unknown, request, ...rest) {
      const target = request === '@passerelle/domain' ? DOMAIN_ENTRY : request;
      return previousResolver.call(this, target, ...rest);
    };
  }
  const load = createRequire(__filename);
  return (pathFromRoot) => load(path.join(ROOT, pathFromRoot));
}
