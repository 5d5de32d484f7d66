/**
 * A realistic custody history for the demo community 象山社区居委会 (370305111007, 金山镇): archive
 * items, a loan, seal uses, a removal and one completed departure handover. Every step goes
 * through the state machines, so the demo can never show something the rules forbid; the
 * database seed stores the returned records and appends `events` to the community's log.
 * People are fictional and named by role.
 */
import { type ArchiveItem, applyArchiveEvent, archiveItem } from './archive.js';
import type { CustodyEventInput } from './custody-log.js';
import { confirmHandover, type DepartureHandover, departureHandover } from './handover.js';
import { nextReferenceCode } from './reference-code.js';
import {
  applySealEvent,
  applySealRemovalEvent,
  applySealUseEvent,
  bringSealBack,
  registerSeal,
  type Seal,
  type SealRemoval,
  type SealUseRequest,
  sealRemoval,
  sealUseRequest,
  takeSealOut,
} from './seal.js';
import { orThrow } from './transition.js';

export const DEMO_COMMUNITY = '370305111007';
/** Fonds code of the demo community's archive; assigned by the receiving archive in real life. */
export const DEMO_FONDS = 'X007';

export const demoPeople = {
  oldCustodian: '王秀兰',
  custodian: '李红',
  chair: '张建国',
  worker: '赵敏',
  supervisor: '刘强',
} as const;

export interface DemoCustodyHistory {
  items: ArchiveItem[];
  seals: Seal[];
  sealUses: SealUseRequest[];
  removals: SealRemoval[];
  handover: DepartureHandover;
  events: CustodyEventInput[];
}

export function xiangshanCustodyHistory(): DemoCustodyHistory {
  const p = demoPeople;
  const events: CustodyEventInput[] = [];
  const log = (at: string, actor: string, action: string, payload: CustodyEventInput['payload']) =>
    events.push({ at: `${at}+08:00`, actor, action, payload });

  // The seal of the residents' committee, first kept by the custodian who later leaves.
  let committeeSeal = registerSeal({
    id: 'xs-seal-jwh',
    community: DEMO_COMMUNITY,
    name: '临淄区金山镇象山社区居民委员会',
    owner: { kind: 'residents-committee', name: '象山社区居民委员会' },
    custodian: p.oldCustodian,
    storagePlace: '党群服务中心二楼办公室保密柜',
    approvers: [p.chair],
  });
  log('2023-01-03T09:00:00', p.oldCustodian, 'seal.register', {
    seal: committeeSeal.id,
    name: committeeSeal.name,
  });

  const codes: string[] = [];
  const file = (
    input: Omit<ArchiveItem, 'community' | 'referenceCode' | 'status' | 'classification'>,
    organisation: string,
  ) => {
    const year = Number(input.date.slice(0, 4));
    const referenceCode = nextReferenceCode(codes, {
      fonds: DEMO_FONDS,
      category: input.medium === 'audiovisual' ? 'ZP' : input.medium === 'physical' ? 'SW' : 'WS',
      year,
      retention: input.retention,
      organisation,
    });
    codes.push(referenceCode);
    const item = archiveItem.parse({ ...input, community: DEMO_COMMUNITY, referenceCode });
    log(`${input.date}T16:00:00`, input.custodian, 'archive.file', {
      item: item.id,
      referenceCode,
      title: item.title,
    });
    return item;
  };
  const shelf = { room: '档案室', cabinet: '1' };
  let minutes = file(
    {
      id: 'xs-a-1',
      issuer: '象山社区居民委员会',
      title: '2023年第一次居民代表会议记录',
      date: '2023-02-15',
      pages: 8,
      medium: 'paper',
      contentGroup: 'information',
      retention: 'years30',
      custodian: p.oldCustodian,
      location: { ...shelf, shelf: '2' },
    },
    'JWH',
  );
  let banner = file(
    {
      id: 'xs-a-3',
      issuer: '临淄区民政局',
      title: '“和谐社区建设示范社区”奖牌',
      date: '2023-11-20',
      medium: 'physical',
      contentGroup: 'honours',
      retention: 'permanent',
      custodian: p.oldCustodian,
      location: { room: '荣誉室' },
    },
    'JWH',
  );

  let ledger = file(
    {
      id: 'xs-a-2',
      issuer: '象山社区居民委员会',
      title: '2023年社区固定资产台账',
      date: '2023-12-28',
      pages: 24,
      medium: 'paper',
      contentGroup: 'ledgers',
      retention: 'permanent',
      custodian: p.oldCustodian,
      location: { ...shelf, shelf: '1' },
    },
    'JWH',
  );
  // A loan of the meeting minutes, returned on time.
  minutes = orThrow(
    applyArchiveEvent(minutes, {
      type: 'lend',
      by: p.oldCustodian,
      borrower: p.worker,
      on: '2024-03-04',
      dueOn: '2024-03-11',
    }),
  );
  log('2024-03-04T10:00:00', p.oldCustodian, 'archive.lend', {
    item: minutes.id,
    borrower: p.worker,
    dueOn: '2024-03-11',
  });
  minutes = orThrow(applyArchiveEvent(minutes, { type: 'return', by: p.oldCustodian, on: '2024-03-08' }));
  log('2024-03-08T15:00:00', p.oldCustodian, 'archive.return', { item: minutes.id, borrower: p.worker });

  // Two seal uses: one stamped, one refused.
  const sealUses: SealUseRequest[] = [];
  let proof = sealUseRequest.parse({
    id: 'xs-u-1',
    sealId: committeeSeal.id,
    requestedBy: p.worker,
    requestedAt: '2024-03-12T08:40:00+08:00',
    purpose: '为辖区居民出具居住证明',
    document: '居住证明',
    copies: 1,
  });
  log('2024-03-12T08:40:00', p.worker, 'seal.use.request', {
    request: proof.id,
    seal: committeeSeal.id,
    copies: 1,
  });
  proof = orThrow(
    applySealUseEvent(proof, committeeSeal, {
      type: 'approve',
      by: p.chair,
      at: '2024-03-12T09:05:00+08:00',
    }),
  );
  log('2024-03-12T09:05:00', p.chair, 'seal.use.approve', { request: proof.id });
  proof = orThrow(
    applySealUseEvent(proof, committeeSeal, {
      type: 'stamp',
      by: p.oldCustodian,
      at: '2024-03-12T09:15:00+08:00',
      copies: 1,
    }),
  );
  log('2024-03-12T09:15:00', p.oldCustodian, 'seal.use.stamp', { request: proof.id, copies: 1 });
  sealUses.push(proof);

  let blank = sealUseRequest.parse({
    id: 'xs-u-2',
    sealId: committeeSeal.id,
    requestedBy: p.worker,
    requestedAt: '2024-04-02T10:00:00+08:00',
    purpose: '加盖空白介绍信备用',
    document: '空白介绍信',
    copies: 5,
  });
  log('2024-04-02T10:00:00', p.worker, 'seal.use.request', {
    request: blank.id,
    seal: committeeSeal.id,
    copies: 5,
  });
  blank = orThrow(
    applySealUseEvent(blank, committeeSeal, {
      type: 'refuse',
      by: p.chair,
      at: '2024-04-02T10:30:00+08:00',
      reason: '不得在空白文书上用印',
    }),
  );
  log('2024-04-02T10:30:00', p.chair, 'seal.use.refuse', {
    request: blank.id,
    reason: '不得在空白文书上用印',
  });
  sealUses.push(blank);

  // The seal leaves the office for a registration at the town, and comes back the same day.
  let removal = sealRemoval.parse({
    id: 'xs-r-1',
    sealId: committeeSeal.id,
    requestedBy: p.worker,
    requestedAt: '2024-05-06T08:30:00+08:00',
    reason: '到金山镇便民服务中心办理特别法人统一社会信用代码证书变更，须现场用印',
    destination: '金山镇便民服务中心',
    returnBy: '2024-05-06T17:00:00+08:00',
  });
  log('2024-05-06T08:30:00', p.worker, 'seal.removal.request', {
    removal: removal.id,
    seal: committeeSeal.id,
  });
  removal = orThrow(
    applySealRemovalEvent(removal, committeeSeal, {
      type: 'approve',
      by: p.chair,
      at: '2024-05-06T08:50:00+08:00',
    }),
  );
  log('2024-05-06T08:50:00', p.chair, 'seal.removal.approve', {
    removal: removal.id,
    returnBy: removal.returnBy,
  });
  ({ seal: committeeSeal, removal } = orThrow(
    takeSealOut(committeeSeal, removal, { by: p.oldCustodian, at: '2024-05-06T09:00:00+08:00' }),
  ));
  log('2024-05-06T09:00:00', p.oldCustodian, 'seal.takeOut', { removal: removal.id, seal: committeeSeal.id });
  ({ seal: committeeSeal, removal } = orThrow(
    bringSealBack(committeeSeal, removal, { by: p.oldCustodian, at: '2024-05-06T14:20:00+08:00' }),
  ));
  log('2024-05-06T14:20:00', p.oldCustodian, 'seal.bringBack', {
    removal: removal.id,
    seal: committeeSeal.id,
  });

  // The custodian leaves; the handover is supervised by the town's discipline committee.
  let handover = departureHandover.parse({
    id: 'xs-h-1',
    community: DEMO_COMMUNITY,
    leaver: p.oldCustodian,
    successor: p.custodian,
    supervisor: { person: p.supervisor, body: 'town-discipline-committee' },
    dueOn: '2024-07-15',
    items: [
      {
        kind: 'finance',
        ref: '2024年社区财务台账',
        description: '现金日记账、银行存款日记账',
        condition: 'intact',
      },
      ...[minutes, ledger, banner].map((item) => ({
        kind: 'archive' as const,
        ref: item.referenceCode,
        description: item.title,
        condition: 'intact' as const,
      })),
      { kind: 'seal', ref: committeeSeal.id, description: committeeSeal.name, condition: 'intact' },
    ],
  });
  log('2024-07-01T09:00:00', p.supervisor, 'handover.open', {
    handover: handover.id,
    leaver: p.oldCustodian,
    successor: p.custodian,
  });
  for (const [role, person, on] of [
    ['leaver', p.oldCustodian, '2024-07-02'],
    ['successor', p.custodian, '2024-07-02'],
    ['supervisor', p.supervisor, '2024-07-03'],
  ] as const) {
    handover = orThrow(confirmHandover(handover, role, person, on));
    log(`${on}T10:00:00`, person, 'handover.confirm', { handover: handover.id, role });
  }
  const handOver = {
    by: p.oldCustodian,
    on: '2024-07-03',
    to: p.custodian,
    departure: true,
    supervisedBy: p.supervisor,
  };
  [minutes, ledger, banner] = [minutes, ledger, banner].map((item) => {
    const next = orThrow(applyArchiveEvent(item, { type: 'changeCustodian', ...handOver }));
    log('2024-07-03T10:30:00', p.oldCustodian, 'archive.changeCustodian', {
      item: item.id,
      to: p.custodian,
      supervisedBy: p.supervisor,
    });
    return next;
  }) as [ArchiveItem, ArchiveItem, ArchiveItem];
  committeeSeal = orThrow(
    applySealEvent(committeeSeal, { type: 'handOverCustody', ...handOver, at: '2024-07-03T10:40:00+08:00' }),
  );
  log('2024-07-03T10:40:00', p.oldCustodian, 'seal.handOverCustody', {
    seal: committeeSeal.id,
    to: p.custodian,
    supervisedBy: p.supervisor,
  });

  return {
    items: [minutes, ledger, banner],
    seals: [committeeSeal],
    sealUses,
    removals: [removal],
    handover,
    events,
  };
}
