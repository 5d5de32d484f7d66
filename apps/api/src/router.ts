/**
 * The Shequ API. The admin console imports `type AppRouter` from `@shequ/api` for end-to-end types.
 */
import { appraisalsRouter } from './routers/appraisals.js';
import { archivesRouter } from './routers/archives.js';
import { assessmentRouter } from './routers/assessment.js';
import { assessmentSurveysRouter } from './routers/assessment-surveys.js';
import { auditRouter } from './routers/audit.js';
import { authRouter } from './routers/auth.js';
import { communitiesRouter } from './routers/communities.js';
import { complianceRouter } from './routers/compliance.js';
import { custodyRouter } from './routers/custody.js';
import { democracyRouter } from './routers/democracy.js';
import { handoversRouter } from './routers/handovers.js';
import { jurisdictionsRouter } from './routers/jurisdictions.js';
import { notificationsRouter } from './routers/notifications.js';
import { parametersRouter } from './routers/parameters.js';
import { peopleRouter } from './routers/people.js';
import { policyRouter } from './routers/policy.js';
import { sealsRouter } from './routers/seals.js';
import { servicesRouter } from './routers/services.js';
import { spreadsheetsRouter } from './routers/spreadsheets.js';
import { usersRouter } from './routers/users.js';
import { webhooksRouter } from './routers/webhooks.js';
import { workbenchRouter } from './routers/workbench.js';
import { workloadRouter } from './routers/workload.js';
import { router } from './trpc.js';

export const appRouter = router({
  auth: authRouter,
  jurisdictions: jurisdictionsRouter,
  communities: communitiesRouter,
  users: usersRouter,
  audit: auditRouter,
  compliance: complianceRouter,
  policy: policyRouter,
  archives: archivesRouter,
  seals: sealsRouter,
  handovers: handoversRouter,
  custody: custodyRouter,
  spreadsheets: spreadsheetsRouter,
  assessment: assessmentRouter,
  assessmentSurveys: assessmentSurveysRouter,
  workbench: workbenchRouter,
  people: peopleRouter,
  democracy: democracyRouter,
  appraisals: appraisalsRouter,
  services: servicesRouter,
  workload: workloadRouter,
  parameters: parametersRouter,
  notifications: notificationsRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;
