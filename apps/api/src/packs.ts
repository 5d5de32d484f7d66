/**
 * The server's policy packs: the shipped ones plus the modules `SHEQU_PACKS` names (apps/api/README.md),
 * loaded once at start. A pack that cannot join (its parent not loaded, its code taken or not nested
 * under its parent's) stops the server with one zh-CN line naming it, rather than serving without it.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Pack, type PackRegistry, packOfModule, shippedRegistry } from '@shequ/policy';

/** The modules of `SHEQU_PACKS`: separated by commas; a path (relative to `cwd`) or a package name. */
export function packModulesOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((m) => m.trim())
    .filter((m) => m !== '');
}

function specifier(module: string, cwd: string): string {
  if (isAbsolute(module)) return pathToFileURL(module).href;
  if (module.startsWith('.')) return pathToFileURL(resolve(cwd, module)).href;
  return module; // a package name, resolved as the server resolves its own dependencies
}

/** Thrown when a configured pack cannot be loaded; the message is one line naming it. */
export class PackConfigurationError extends Error {
  override name = 'PackConfigurationError';
}

/** The shipped registry with the packs of `SHEQU_PACKS`. */
export async function configuredPacks(
  value: string | undefined,
  cwd: string = process.cwd(),
): Promise<PackRegistry> {
  const modules = packModulesOf(value);
  if (modules.length === 0) return shippedRegistry;
  const packs: Pack[] = [];
  try {
    for (const module of modules) {
      let namespace: unknown;
      try {
        namespace = await import(specifier(module, cwd));
      } catch (error) {
        const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
        throw new PackConfigurationError(`${module}: 无法加载政策包模块（${reason}）`);
      }
      packs.push(packOfModule(module, namespace));
    }
    return shippedRegistry.with(packs);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n').join('；') : String(error);
    throw new PackConfigurationError(`SHEQU_PACKS: ${message}`);
  }
}
