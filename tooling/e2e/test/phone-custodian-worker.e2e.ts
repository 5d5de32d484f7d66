/** The console on a phone as 象山's custodian and a plain community worker: no page scrolls sideways (phone-walk.ts). */
import { walkAsDemoPeople } from './phone-walk.js';

walkAsDemoPeople('every page on a phone, as xs-zhaomin and xs-sunli', [
  { username: 'xs-zhaomin', who: 'custodian', lookUp: ['archives'] },
  { username: 'xs-sunli', who: 'worker' },
]);
