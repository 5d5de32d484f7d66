/**
 * Parameters a jurisdiction supplies: a pack may fix a benchmark without its figure (鄂州市城市在岗职工
 * 平均工资, 威海's 事业单位同类人员工资水平), declaring the parameter with no values of its own. The figure
 * is published every year by the jurisdiction and entered by its administrators, with the date it takes
 * effect and the document it comes from. This module says which parameters those are for a chain of
 * packs, what an entry must look like, who may enter one, and which entry is in force on a date.
 */
import { divisionCode, isoDate, isWithin, safeText, significantPrefix } from '@shequ/domain';
import { type AppRole, isAdminRole } from '@shequ/domain/roles';
import { z } from 'zod';
import type { Pack } from './engine/index.js';
import { evaluatorFor, packsFor } from './packs/index.js';

/** A parameter of a chain that has no value in any pack: the jurisdiction named by `jurisdiction` supplies it. */
export interface SuppliedParameter {
  name: string;
  label: string;
  unit: string;
  /** zh-CN note on where the figure is published. */
  source: string | undefined;
  /** Code and name of the pack that declares it: its administrators (or those above) enter the figure. */
  jurisdiction: string;
  jurisdictionName: string;
}

/** The parameters of the chain `packs` (shallowest first) that a jurisdiction must supply, in chain order. */
export function suppliedParameters(packs: readonly Pack[]): SuppliedParameter[] {
  if (packs.length === 0) return [];
  const names = new Map(packs.map((p) => [p.code, p.name]));
  return evaluatorFor(packs)
    .parameters.filter((p) => p.parameter.values.length === 0)
    .map((p) => ({
      name: p.parameter.name,
      label: p.parameter.label,
      unit: p.parameter.unit,
      source: p.parameter.source,
      jurisdiction: p.suppliedBy,
      jurisdictionName: names.get(p.suppliedBy) ?? p.suppliedBy,
    }));
}

/** The parameters to be supplied for communities in the jurisdiction `code` (its shipped chain). */
export function suppliedParametersFor(code: string): SuppliedParameter[] {
  return suppliedParameters(packsFor(code));
}

/**
 * 本系统规则 R-PAR-1 (docs/project-rules.md): the regulations name the benchmark but not who records its
 * figure (《鄂州市城市社区工作规则（试行）》第二十一条, 威海 实施意见 二（五）); the administrators of the
 * jurisdiction whose pack declares it, or of a jurisdiction above, enter it, as they administer the
 * rest of that jurisdiction's data.
 */
export const parameterEntryRule = {
  id: 'R-PAR-1',
  text: '规定只写明基准（如城市在岗职工平均工资）而未写数额的参数，由声明该参数的政策包所在辖区或其上级辖区的管理员填报，注明生效日期和来源文件。',
} as const;

/** Who is entering: a role bound to a jurisdiction node. */
export interface ParameterEnterer {
  role: AppRole;
  jurisdictionCode: string;
}

/**
 * Why `who` may not enter `parameter` for the jurisdiction `code` (zh-CN, citing R-PAR-1), or
 * undefined when they may: an administrator whose node contains both the parameter's pack and `code`.
 */
export function parameterEntryRefusal(
  who: ParameterEnterer,
  parameter: Pick<SuppliedParameter, 'label' | 'jurisdiction' | 'jurisdictionName'>,
  code: string,
): string | undefined {
  const basis = `依据本系统规则 ${parameterEntryRule.id}`;
  if (!isAdminRole(who.role)) return `只有管理员可以填报辖区参数（${basis}）`;
  if (!isWithin(parameter.jurisdiction, who.jurisdictionCode) || !isWithin(code, who.jurisdictionCode))
    return `「${parameter.label}」由${parameter.jurisdictionName}或其上级辖区的管理员填报（${basis}）`;
  return undefined;
}

/**
 * An amount in the parameter's unit, as typed: a positive decimal with at most two places (元 to the
 * 分), kept as text so the figure entered is the figure stored, never rounded through a float.
 */
export const parameterAmount = z
  .string({ error: '数值必填' })
  .trim()
  .regex(/^(0|[1-9]\d{0,11})(\.\d{1,2})?$/, { error: '数值应为正数，最多两位小数' })
  .refine((v) => /[1-9]/.test(v), { error: '数值应大于零' });

/** One value entered for a supplied parameter. */
export const parameterEntryInput = z
  .strictObject({
    /** The jurisdiction the figure is for: the declaring pack's, or a lower one whose own figure wins there. */
    jurisdiction: divisionCode,
    name: z.string({ error: '参数必填' }).min(1, { error: '参数必填' }).max(100),
    value: parameterAmount,
    effectiveFrom: isoDate,
    source: safeText('来源（文件名、公布机关）', 300),
  })
  .superRefine((entry, context) => {
    if (!suppliedParametersFor(entry.jurisdiction).some((p) => p.name === entry.name))
      context.addIssue({
        code: 'custom',
        path: ['name'],
        message: '该辖区的政策不需要填报此参数',
        input: entry.name,
      });
  });
export type ParameterEntryInput = z.infer<typeof parameterEntryInput>;

/** A stored entry, as the in-force choice needs it. */
export interface ParameterEntry {
  jurisdiction: string;
  name: string;
  value: string;
  effectiveFrom: string;
  /** Order of entry (later entries of the same jurisdiction and date correct earlier ones). */
  enteredAt: Date;
}

/**
 * Which entry wins when a lower jurisdiction entered an older figure and a higher one a newer.
 * `lower-first` (chosen): the lower jurisdiction's figure in force wins, whatever its date — it is the
 * figure published for the place, and the higher one's is the fallback where none is. `latest-first`
 * (alternative): the latest effective date wins, a lower jurisdiction only breaking a tie.
 */
export type ParameterPrecedence = 'lower-first' | 'latest-first';

/**
 * The value of each supplied parameter in force for the community (or node) `code` on `asOf`: among
 * the entries of jurisdictions containing `code` that took effect on or before `asOf`, the one from
 * the lowest jurisdiction, then with the latest effective date, then entered last (see `precedence`).
 */
export function parameterValuesInForce<E extends ParameterEntry>(
  entries: readonly E[],
  code: string,
  asOf: string,
  precedence: ParameterPrecedence = 'lower-first',
): Map<string, E> {
  const depth = (e: E) => significantPrefix(e.jurisdiction).length;
  const later = (a: E, b: E): boolean => {
    const byDepth = depth(a) - depth(b);
    const byDate = a.effectiveFrom.localeCompare(b.effectiveFrom);
    const [first, second] = precedence === 'lower-first' ? [byDepth, byDate] : [byDate, byDepth];
    if (first !== 0) return first > 0;
    if (second !== 0) return second > 0;
    return a.enteredAt.getTime() > b.enteredAt.getTime();
  };
  const inForce = new Map<string, E>();
  for (const entry of entries) {
    if (entry.effectiveFrom > asOf || !isWithin(code, entry.jurisdiction)) continue;
    const current = inForce.get(entry.name);
    if (!current || later(entry, current)) inForce.set(entry.name, entry);
  }
  return inForce;
}

/** The in-force values as the evaluator's `params` (name → figure). */
export function suppliedParams(inForce: ReadonlyMap<string, ParameterEntry>): Record<string, number> {
  return Object.fromEntries([...inForce].map(([name, entry]) => [name, Number(entry.value)]));
}
