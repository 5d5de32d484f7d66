/**
 * The app the archive tests share: one database, the accounts of 象山社区 and 金山镇 around it, a clock
 * the tests move, and the helpers they file items with. Each test file gets its own app.
 */
import { afterAll, beforeAll } from 'vitest';
import type { BuildAppOptions } from '../src/app.js';
import { JINSHAN, LINZI, SHIHUAJIAN, WEIHAI, XIANGSHAN, ZIBO } from './fixture.js';
import {
  type ArchivesTestApp,
  archivesTestApp,
  type Clock,
  monthsLongStory,
  type TestClient,
} from './harness.js';

const accounts = {
  li: { role: 'communityWorker', jurisdictionCode: XIANGSHAN },
  wang: { role: 'communityWorker', jurisdictionCode: XIANGSHAN },
  sun: { role: 'communityWorker', jurisdictionCode: XIANGSHAN },
  zhao: { role: 'communityWorker', jurisdictionCode: XIANGSHAN },
  /** Left the community: the account is disabled in the pickers test. */
  gone: { role: 'communityWorker', jurisdictionCode: XIANGSHAN },
  liu: { role: 'auditor', jurisdictionCode: JINSHAN },
  jinshan: { role: 'streetAdmin', jurisdictionCode: JINSHAN },
  neighbour: { role: 'communityWorker', jurisdictionCode: SHIHUAJIAN },
  weihai: { role: 'cityAdmin', jurisdictionCode: WEIHAI },
  /** Above 金山镇: its district's administrator and its city's auditor. */
  linzi: { role: 'districtAdmin', jurisdictionCode: LINZI },
  zibo: { role: 'auditor', jurisdictionCode: ZIBO },
} as const;

/**
 * Starts the app before the file's tests and closes it after them, with the accounts above or, for a
 * file that wants a cast of its own, `cast`.
 */
export function archivesSuite(
  appOptions: Omit<BuildAppOptions, 'database' | 'now'> = {},
  cast: Parameters<typeof archivesTestApp>[1] = accounts,
) {
  let server: ArchivesTestApp<string> | undefined;
  let clock: Clock | undefined;
  const ids: Record<string, string> = {};
  const as: Record<string, TestClient> = {};
  beforeAll(async () => {
    const story = monthsLongStory();
    clock = story.clock;
    server = await archivesTestApp('shequ-archives-', cast, { ...story.options, ...appOptions });
    Object.assign(ids, server.ids);
    Object.assign(as, server.as);
  }, 60_000);
  afterAll(() => server?.close());
  const id = (name: string) => ids[name] as string;
  return {
    database: () => (server as ArchivesTestApp<string>).database,
    clock: () => clock as Clock,
    as,
    li: () => as.li as TestClient,
    /** The street administrator: registers items for others, seals and handovers. */
    jinshan: () => as.jinshan as TestClient,
    id,
    /** A paper item of 象山's 文书 series kept by li, for `archives.create`. */
    paperItem: (title: string, overrides: Record<string, unknown> = {}) =>
      paperItemKeptBy(id('li'), title, overrides),
  };
}

/** A paper item of 象山's 文书 series for `archives.create`, kept by `custodianId`. */
export function paperItemKeptBy(custodianId: string, title: string, overrides: Record<string, unknown> = {}) {
  return {
    community: XIANGSHAN,
    fonds: 'X007',
    category: 'WS',
    organisation: 'JWH',
    issuer: '象山社区居民委员会',
    title,
    date: '2025-06-01',
    medium: 'paper' as const,
    contentGroup: 'ledgers',
    retention: 'years30' as const,
    custodianId,
    location: { room: '档案室', cabinet: '1号柜' },
    ...overrides,
  };
}

/** 象山's residents' committee seal for `seals.register`, kept in the office safe by `custodianId`. */
export function committeeSealKeptBy(
  custodianId: string,
  approverIds: string[],
  name = '象山社区居民委员会印章',
) {
  return {
    community: XIANGSHAN,
    name,
    owner: { kind: 'residents-committee' as const, name: '象山社区居民委员会' },
    custodianId,
    storagePlace: '办公室保险柜',
    approverIds,
  };
}
