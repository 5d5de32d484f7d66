/**
 * Which documents govern a community: those of its pack chain (a Jiangsu rule is no Shandong rule).
 * Every router that asks a domain rule about one community passes `governsIn(ctx, code)`, so a finding,
 * warning or refusal whose document does not govern the community is not given.
 */
import { type Governs, governedBy } from '@shequ/domain';
import type { Context } from './context.js';

export const governsIn = (ctx: { settings: Pick<Context['settings'], 'packs'> }, code: string): Governs =>
  governedBy(ctx.settings.packs.documentsGoverning(code));
