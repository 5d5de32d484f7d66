/**
 * `--pack MODULE` (docs/interfaces.md §7): ES modules whose default export is a pack built with
 * `@shequ/policy`'s public API join the shipped packs for one run. Every problem is a usage error
 * (exit 2), one line naming the module or the pack.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type Pack,
  PackDefinitionError,
  type PackRegistry,
  packOfModule,
  shippedRegistry,
} from '@shequ/policy';
import { UsageError } from './usage.js';

/** The option every command that accepts extra packs declares. */
export const packOption = { pack: { type: 'string', multiple: true } } as const;

/** The modules given with `--pack`, in order. */
export function packModules(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The pack a module exports by default, or a usage error naming the module. */
export async function loadPack(module: string): Promise<Pack> {
  let namespace: unknown;
  try {
    namespace = await import(pathToFileURL(resolve(module)).href);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes(resolve(module)))
      throw new UsageError([`--pack ${module}: 文件不存在`]);
    const reason = error instanceof Error ? error.message.split('\n').join('；') : String(error);
    throw new UsageError([`--pack ${module}: 无法加载政策包模块（${reason}）`]);
  }
  try {
    return packOfModule(module, namespace);
  } catch (error) {
    throw new UsageError([`--pack ${error instanceof Error ? error.message : String(error)}`]);
  }
}

/** The shipped registry with the modules' packs added, or a usage error naming the pack. */
export async function registryWith(modules: readonly string[]): Promise<PackRegistry> {
  if (modules.length === 0) return shippedRegistry;
  const packs: Pack[] = [];
  for (const module of modules) packs.push(await loadPack(module));
  try {
    return shippedRegistry.with(packs);
  } catch (error) {
    if (error instanceof PackDefinitionError)
      throw new UsageError([`--pack: ${error.message.split('\n').join('；')}`]);
    throw error;
  }
}
