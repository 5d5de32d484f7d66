/**
 * Builds the demo database once for the whole run (the slow part: about a minute), so each test file's
 * server starts from a copy in seconds instead of loading the demo data again.
 */
import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { browserAvailable } from './browser.js';
import { prepareTemplate } from './server.js';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!browserAvailable) {
    project.provide('shequTemplateDir', undefined);
    return undefined;
  }
  const template = await prepareTemplate();
  project.provide('shequTemplateDir', template);
  return () => rm(template, { recursive: true, force: true });
}
