import { describe, expect, it } from 'vitest';
import { buildLog, generateSigningKey, signCheckpoint } from './custody-log.js';
import { DEMO_COMMUNITY, demoPeople, xiangshanCustodyHistory } from './demo.js';
import { handoverComplete, handoverConsequences } from './handover.js';
import { verifyLog } from './log-verify.js';
import { parseReferenceCode } from './reference-code.js';

const history = xiangshanCustodyHistory();

describe('the demo history of 象山社区居委会', () => {
  it('records its events in time order, and the log of them verifies against a checkpoint', () => {
    const times = history.events.map((event) => Date.parse(event.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const log = buildLog(history.events);
    const { privateKey, publicKey } = generateSigningKey();
    const checkpoint = signCheckpoint(log, {
      privateKey,
      at: '2024-07-04T00:00:00+08:00',
      community: DEMO_COMMUNITY,
    });
    expect(verifyLog(log, checkpoint, { trustedPublicKeys: [publicKey] })).toMatchObject({
      ok: true,
      size: log.length,
    });
  });

  it('holds a loan, seal uses, a removal and one completed handover, ending with the successor as custodian', () => {
    const actions = new Set(history.events.map((event) => event.action));
    for (const action of [
      'archive.lend',
      'archive.return',
      'seal.use.stamp',
      'seal.use.refuse',
      'seal.takeOut',
      'seal.bringBack',
    ]) {
      expect(actions).toContain(action);
    }
    expect(handoverComplete(history.handover)).toBe(true);
    expect(handoverConsequences(history.handover, '2024-08-01').consequences).toEqual([]);
    expect(
      history.items.every((item) => item.custodian === demoPeople.custodian && item.status === 'shelved'),
    ).toBe(true);
    expect(history.seals[0]).toMatchObject({ custodian: demoPeople.custodian, state: 'inUse' });
    expect(history.removals[0]?.status).toBe('returned');
  });

  it('gives each item a distinct, valid reference code', () => {
    const codes = history.items.map((item) => item.referenceCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(parseReferenceCode(code).ok).toBe(true);
  });
});
