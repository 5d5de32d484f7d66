/**
 * The Shequ API. The admin console imports `type AppRouter` from `@shequ/api` for end-to-end types.
 */
import { auditRouter } from './routers/audit.js';
import { authRouter } from './routers/auth.js';
import { communitiesRouter } from './routers/communities.js';
import { complianceRouter } from './routers/compliance.js';
import { jurisdictionsRouter } from './routers/jurisdictions.js';
import { policyRouter } from './routers/policy.js';
import { usersRouter } from './routers/users.js';
import { router } from './trpc.js';

export const appRouter = router({
  auth: authRouter,
  jurisdictions: jurisdictionsRouter,
  communities: communitiesRouter,
  users: usersRouter,
  audit: auditRouter,
  compliance: complianceRouter,
  policy: policyRouter,
});

export type AppRouter = typeof appRouter;
