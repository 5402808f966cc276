import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import type { Runtime } from './runtime/index';

export interface LoadedBundle {
  context: vm.Context;
  /** Calls a top-level function of the bundle as Apps Script would, by name. */
  call: <T = unknown>(name: string, ...args: unknown[]) => T;
  has: (name: string) => boolean;
}

/**
 * Runs the bundle clasp pushes (dist/Code.js) in a vm context whose only globals are the local Apps Script
 * services: no require, no process, nothing of Node's.
 */
export function loadBundle(runtime: Runtime, codePath: string): LoadedBundle {
  const context = bundleContext(runtime.globals);
  vm.runInContext(readFileSync(codePath, 'utf8'), context, { filename: 'Code.js' });
  const has = (name: string) => vm.runInContext(`typeof ${name} === 'function'`, context) === true;
  return {
    context,
    has,
    call: <T>(name: string, ...args: unknown[]): T => {
      if (!/^[A-Za-z_$][\w$]*$/.test(name) || !has(name)) {
        throw new Error(`Script function not found: ${name}`);
      }
      return (context[name] as (...a: unknown[]) => T)(...args);
    },
  };
}

/**
 * A fresh context whose global object holds `globals`. Where Node has it (20.18, 22.8 and later), the global
 * is an ordinary object (`DONT_CONTEXTIFY`): a contextified one answers every global lookup (`Math`,
 * `Object`, `String`) through an interceptor, which made the bundle's tight loops ten to twenty times slower
 * here than in Apps Script. What the bundle sees is the same either way.
 */
function bundleContext(globals: Record<string, unknown>): vm.Context {
  const plain = vm.constants?.DONT_CONTEXTIFY;
  if (plain === undefined) return vm.createContext({ ...globals });
  const context = vm.createContext(plain);
  Object.assign(context, globals);
  return context;
}
