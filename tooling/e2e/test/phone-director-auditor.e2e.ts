/** The console on a phone as Jinshan town's auditor (纪委) and 象山's 居委会主任: no page scrolls sideways (phone-walk.ts). */
import { walkAsDemoPeople } from './phone-walk.js';

walkAsDemoPeople('every page on a phone, as js-liuwei and xs-chenhong', [
  // The auditor sees every handover and record of the communities in the town.
  { username: 'js-liuwei', who: 'auditor', lookUp: ['archives'] },
  { username: 'xs-chenhong', who: 'director' },
]);
