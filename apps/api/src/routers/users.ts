import { type Database, escapeLike, jurisdictions, users } from '@shequ/db';
import {
  boundedInt,
  divisionCode,
  residentIdNumber as idNumber,
  mobileNumber,
  safeText,
} from '@shequ/domain';
import { TRPCError } from '@trpc/server';
import { and, asc, count, eq, ilike, like, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../audit.js';
import { generateOneTimePassword, hashPassword } from '../auth/password.js';
import { type AppRole, appRoles, COUNTRY_CODE } from '../auth/roles.js';
import {
  accountManagementProblem,
  accountTakeoverProblem,
  bindingProblem,
  type Principal,
  scopePrefix,
} from '../auth/scope.js';
import { deleteSessionsOfUser } from '../auth/sessions.js';
import type { Context } from '../context.js';
import { fieldError, forbidden, notFound } from '../errors.js';
import { adminProcedure, authedProcedure, router } from '../trpc.js';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_.-]{2,31}$/, '用户名为3至32位字母、数字、下划线、点或连字符，以字母或数字开头');

export const createUserInput = z.strictObject({
  username: usernameSchema,
  displayName: safeText('姓名', 50),
  role: z.enum(appRoles),
  jurisdictionCode: z.union([z.literal(COUNTRY_CODE), divisionCode]),
  mobile: mobileNumber.optional(),
  idNumber: idNumber.optional(),
});

export const listUsersInput = z
  .strictObject({
    search: z.string().trim().max(50).optional(),
    page: boundedInt({ min: 1 }).default(1),
    pageSize: z.number().int().min(1).max(100).default(20),
  })
  .default({ page: 1, pageSize: 20 });

/** What a response or an audit record may show of an account: never the hash, never the ID number. */
const publicUserColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  jurisdictionCode: users.jurisdictionCode,
  mobile: users.mobile,
  mustChangePassword: users.mustChangePassword,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
};

interface PublicUserRow {
  id: string;
  username: string;
  displayName: string;
  role: string;
  jurisdictionCode: string;
  mobile: string | null;
  mustChangePassword: boolean;
  disabledAt: Date | null;
  createdAt: Date;
}

export interface PublicUser {
  id: string;
  username: string;
  displayName: string;
  role: AppRole;
  jurisdictionCode: string;
  mobile: string | null;
  mustChangePassword: boolean;
  disabledAt: string | null;
  createdAt: string;
}

function toPublic(row: PublicUserRow): PublicUser {
  return {
    ...row,
    role: row.role as AppRole,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** SQL condition: the account is bound to a node under the principal's node. */
function userScopeFilter(principal: Pick<Principal, 'jurisdictionCode'>): SQL | undefined {
  const prefix = scopePrefix(principal.jurisdictionCode);
  return prefix ? like(users.jurisdictionCode, `${prefix}%`) : undefined;
}

/**
 * The list's WHERE: accounts under the principal's node whose username or name contains `search`.
 * Community workers see no account list (FORBIDDEN). Shared by the list and its export.
 */
export function userListFilter(
  principal: Pick<Principal, 'role' | 'jurisdictionCode'>,
  input: { search?: string | undefined },
): SQL | undefined {
  if (principal.role === 'communityWorker') throw forbidden('无权查看账号列表');
  const text = input.search ? escapeLike(input.search) : '';
  return and(
    userScopeFilter(principal),
    text ? or(ilike(users.username, `%${text}%`), ilike(users.displayName, `%${text}%`)) : undefined,
  );
}

/** A page of the accounts matching `where`, by node then username, with the node's name. */
export async function userRows(
  db: Database,
  where: SQL | undefined,
  window: { limit: number; offset: number },
): Promise<(PublicUser & { jurisdictionName: string })[]> {
  const rows = await db
    .select({ ...publicUserColumns, jurisdictionName: jurisdictions.name })
    .from(users)
    .leftJoin(jurisdictions, eq(jurisdictions.code, users.jurisdictionCode))
    .where(where)
    .orderBy(asc(users.jurisdictionCode), asc(users.username))
    .limit(window.limit)
    .offset(window.offset);
  return rows.map(({ jurisdictionName, ...row }) => ({
    ...toPublic(row),
    jurisdictionName:
      row.jurisdictionCode === COUNTRY_CODE ? '全国' : (jurisdictionName ?? row.jurisdictionCode),
  }));
}

/** The account `id` if the principal may manage it; FORBIDDEN (in scope or not, the answer is the same). */
async function manageableUser(ctx: Context, principal: Principal, id: string): Promise<PublicUser> {
  const [row] = await ctx.db.select(publicUserColumns).from(users).where(eq(users.id, id)).limit(1);
  if (!row) throw notFound('没有这个账号');
  const user = toPublic(row);
  const problem = accountManagementProblem(principal, user);
  if (problem) throw forbidden(problem);
  return user;
}

export const usersRouter = router({
  /** Accounts bound under the principal's node, paged (a country has millions of community workers). */
  list: authedProcedure.input(listUsersInput).query(async ({ ctx, input }) => {
    const where = userListFilter(ctx.principal, input);
    const [items, [counted]] = await Promise.all([
      userRows(ctx.db, where, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize }),
      ctx.db.select({ total: count() }).from(users).where(where),
    ]);
    return { items, total: counted?.total ?? 0 };
  }),

  create: adminProcedure.input(createUserInput).mutation(async ({ ctx, input }) => {
    const problem = accountManagementProblem(ctx.principal, input);
    if (problem) throw forbidden(problem);
    const binding = bindingProblem(input.role, input.jurisdictionCode);
    if (binding) throw fieldError('BAD_REQUEST', 'jurisdictionCode', binding);
    if (input.jurisdictionCode !== COUNTRY_CODE) {
      const [node] = await ctx.db
        .select({ code: jurisdictions.code })
        .from(jurisdictions)
        .where(eq(jurisdictions.code, input.jurisdictionCode))
        .limit(1);
      if (!node) throw fieldError('BAD_REQUEST', 'jurisdictionCode', '没有这个行政区划');
    }
    const oneTimePassword = generateOneTimePassword();
    const passwordHash = await hashPassword(oneTimePassword);
    const now = ctx.settings.now();
    const user = await ctx.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(users)
        .values({
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          jurisdictionCode: input.jurisdictionCode,
          mobile: input.mobile ?? null,
          idNumber: input.idNumber ?? null,
          passwordHash,
          mustChangePassword: true,
          createdAt: now,
          createdBy: ctx.principal.id,
        })
        .onConflictDoNothing({ target: users.username })
        .returning(publicUserColumns);
      const row = inserted[0];
      if (!row) throw fieldError('CONFLICT', 'username', '该用户名已被使用');
      const created = toPublic(row);
      await writeAudit(tx, {
        actor: ctx.principal,
        action: 'user.create',
        entityType: 'user',
        entityId: created.id,
        jurisdictionCode: created.jurisdictionCode,
        before: null,
        after: { ...created, idNumber: input.idNumber ? '（已登记）' : null },
        ip: ctx.ip,
        at: now,
      });
      return created;
    });
    return { user, oneTimePassword };
  }),

  resetPassword: adminProcedure.input(z.strictObject({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    const target = await manageableUser(ctx, ctx.principal, input.id);
    if (target.id === ctx.principal.id) throw forbidden('请通过“修改密码”更改自己的密码');
    const takeover = accountTakeoverProblem(ctx.principal, target);
    if (takeover) throw forbidden(`不能重置该账号的密码：${takeover}`);
    const oneTimePassword = generateOneTimePassword();
    const passwordHash = await hashPassword(oneTimePassword);
    const now = ctx.settings.now();
    await ctx.db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, target.id));
      await deleteSessionsOfUser(tx, target.id);
      await writeAudit(tx, {
        actor: ctx.principal,
        action: 'user.resetPassword',
        entityType: 'user',
        entityId: target.id,
        jurisdictionCode: target.jurisdictionCode,
        before: { mustChangePassword: target.mustChangePassword },
        after: { mustChangePassword: true },
        ip: ctx.ip,
        at: now,
      });
    });
    return { oneTimePassword };
  }),

  setDisabled: adminProcedure
    .input(z.strictObject({ id: z.uuid(), disabled: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const target = await manageableUser(ctx, ctx.principal, input.id);
      if (target.id === ctx.principal.id) throw forbidden('不能停用自己的账号');
      const takeover = accountTakeoverProblem(ctx.principal, target);
      if (takeover) throw forbidden(`不能停用或恢复该账号：${takeover}`);
      const now = ctx.settings.now();
      const disabledAt = input.disabled ? (target.disabledAt ? new Date(target.disabledAt) : now) : null;
      const user = await ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .update(users)
          .set({ disabledAt })
          .where(eq(users.id, target.id))
          .returning(publicUserColumns);
        if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: '没有这个账号' });
        if (input.disabled) await deleteSessionsOfUser(tx, target.id);
        await writeAudit(tx, {
          actor: ctx.principal,
          action: 'user.setDisabled',
          entityType: 'user',
          entityId: target.id,
          jurisdictionCode: target.jurisdictionCode,
          before: { disabledAt: target.disabledAt },
          after: { disabledAt: disabledAt?.toISOString() ?? null },
          ip: ctx.ip,
          at: now,
        });
        return toPublic(row);
      });
      return { user };
    }),
});
