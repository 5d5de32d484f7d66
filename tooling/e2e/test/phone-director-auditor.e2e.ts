/** The console on a phone as Jinshan town's auditor (纪委) and 象山's 居委会主任: no page scrolls sideways (phone-walk.ts). */
import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.js';
import { phoneWalkSuite, walkTimeout } from './phone-walk.js';

describeInBrowser('every page on a phone, as js-liuwei and xs-chenhong', () => {
  const suite = phoneWalkSuite();

  it(
    'js-liuwei: no page scrolls sideways',
    async () => {
      const page = await suite.phonePage();
      await suite.signInAsDemoPerson(page, 'js-liuwei');
      // The auditor sees every handover and record of the communities in the town.
      await suite.lookUpRecords(page, ['archives']);
      expect(await suite.walk(page, 'auditor')).toEqual([]);
    },
    walkTimeout,
  );

  it(
    'xs-chenhong: no page scrolls sideways',
    async () => {
      const page = await suite.phonePage();
      await suite.signInAsDemoPerson(page, 'xs-chenhong');
      expect(await suite.walk(page, 'director')).toEqual([]);
    },
    walkTimeout,
  );
});
