/** The console on a phone as 象山's custodian and a plain community worker: no page scrolls sideways (phone-walk.ts). */
import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.js';
import { phoneWalkSuite, walkTimeout } from './phone-walk.js';

describeInBrowser('every page on a phone, as xs-zhaomin and xs-sunli', () => {
  const suite = phoneWalkSuite();

  it(
    'xs-zhaomin: no page scrolls sideways',
    async () => {
      const page = await suite.phonePage();
      await suite.signInAsDemoPerson(page, 'xs-zhaomin');
      await suite.lookUpRecords(page, ['archives']);
      expect(await suite.walk(page, 'custodian')).toEqual([]);
    },
    walkTimeout,
  );

  it(
    'xs-sunli: no page scrolls sideways',
    async () => {
      const page = await suite.phonePage();
      await suite.signInAsDemoPerson(page, 'xs-sunli');
      expect(await suite.walk(page, 'worker')).toEqual([]);
    },
    walkTimeout,
  );
});
