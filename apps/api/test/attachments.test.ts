/**
 * Attachments through the streaming routes: a scan of several MB is uploaded as the raw body,
 * kept under its SHA-256, passes a fixity check and downloads byte for byte; the access rule is
 * `archives.attach`'s; a file over the limit leaves neither a row nor a blob.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { attachments, auditLog, custodyLog, type DatabaseHandle } from '@shequ/db';
import { and, count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANNOT_KEEP } from '../src/auth/archives-access.js';
import { JINSHAN, XIANGSHAN } from './fixture.js';
import { type ArchivesTestApp, archivesTestApp, type TestClient } from './harness.js';

const MiB = 1024 * 1024;
let database: DatabaseHandle;
let app: FastifyInstance;
let server: ArchivesTestApp<string>;
let itemId: string;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  const accounts = {
    li: { role: 'communityWorker', jurisdictionCode: XIANGSHAN },
    wang: { role: 'communityWorker', jurisdictionCode: XIANGSHAN },
    liu: { role: 'auditor', jurisdictionCode: JINSHAN },
    jinshan: { role: 'streetAdmin', jurisdictionCode: JINSHAN },
    fresh: { role: 'streetAdmin', jurisdictionCode: JINSHAN, mustChangePassword: true },
  } as const;
  server = await archivesTestApp('shequ-attachments-', accounts, { maxAttachmentBytes: 4 * MiB });
  ({ database, app } = server);
  const { ids } = server;
  Object.assign(as, server.as);
  // The street administrator files the item into li's keeping: that makes li its custodian.
  const item = await (as.jinshan as TestClient).archives.create.mutate({
    community: XIANGSHAN,
    fonds: 'X007',
    category: 'WS',
    issuer: '象山社区居民委员会',
    title: '居民代表会议记录（扫描件）',
    date: '2025-06-01',
    medium: 'paper',
    contentGroup: 'ledgers',
    retention: 'years30',
    custodianId: ids.li as string,
    location: { room: '档案室' },
  });
  itemId = item.id;
}, 60_000);

afterAll(() => server?.close());

function cookieOf(username: string): string {
  return [...(as[username] as TestClient).jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

function upload(
  username: string | null,
  payload: Buffer | Readable,
  headers: Record<string, string> = {},
  target = itemId,
) {
  return app.inject({
    method: 'POST',
    url: `/api/archives/items/${target}/attachments`,
    headers: {
      'content-type': 'image/jpeg',
      'x-file-name': encodeURIComponent('会议记录 第1页.jpg'),
      ...(username ? { cookie: cookieOf(username) } : {}),
      ...headers,
    },
    payload,
  });
}

async function storedFiles(): Promise<string[]> {
  const root = process.env.SHEQU_ATTACHMENTS_DIR as string;
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

async function attachmentCount(): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(attachments);
  return row?.n ?? 0;
}

describe('uploading an attachment', () => {
  const scan = randomBytes(3 * MiB);
  let attachmentId: string;

  it('stores a 3 MiB scan by its custodian with its SHA-256 and size, which a fixity check confirms', async () => {
    const response = await upload('li', scan);
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      itemId,
      fileName: '会议记录 第1页.jpg',
      mediaType: 'image/jpeg',
      size: scan.byteLength,
      sha256: createHash('sha256').update(scan).digest('hex'),
    });
    attachmentId = body.id;
    const li = as.li as TestClient;
    expect((await li.archives.get.query({ id: itemId })).attachments.map((a) => a.id)).toEqual([
      attachmentId,
    ]);
    expect(await li.archives.fixityCheck.mutate({ attachmentId })).toMatchObject({
      ok: true,
      missing: false,
    });
    const [audited] = await database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'archive.attach'), eq(auditLog.entityId, attachmentId)));
    expect(audited?.n).toBe(1);
    const [logged] = await database.db
      .select({ n: count() })
      .from(custodyLog)
      .where(eq(custodyLog.action, 'archive.attach'));
    expect(logged?.n).toBe(1);
  });

  it('downloads the same bytes under the Chinese file name', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/archives/attachments/${attachmentId}`,
      headers: { cookie: cookieOf('li') },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/jpeg');
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('会议记录 第1页.jpg')}`,
    );
    expect(Buffer.compare(response.rawPayload, scan)).toBe(0);
    const auditor = await app.inject({
      method: 'GET',
      url: `/api/archives/attachments/${attachmentId}`,
      headers: { cookie: cookieOf('liu') },
    });
    expect(auditor.statusCode).toBe(200);
  });

  it('refuses a worker who keeps nothing, with the same zh-CN message as archives.attach', async () => {
    const response = await upload('wang', Buffer.from('x'));
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toBe(CANNOT_KEEP);
    const download = await app.inject({
      method: 'GET',
      url: `/api/archives/attachments/${attachmentId}`,
      headers: { cookie: cookieOf('wang') },
    });
    expect(download.statusCode).toBe(403);
  });

  it('refuses without a session, with a one-time password, and to an auditor', async () => {
    const anonymous = await upload(null, Buffer.from('x'));
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().message).toBe('请先登录');
    const fresh = await upload('fresh', Buffer.from('x'));
    expect(fresh.statusCode).toBe(403);
    expect(fresh.json().message).toBe('请先修改初始密码');
    const auditor = await upload('liu', Buffer.from('x'));
    expect(auditor.statusCode).toBe(403);
    expect(auditor.json().message).toContain('审计员');
    const download = await app.inject({ method: 'GET', url: `/api/archives/attachments/${attachmentId}` });
    expect(download.statusCode).toBe(401);
  });

  it('refuses a file over the limit with 413 naming it, and stores nothing', async () => {
    const before = { rows: await attachmentCount(), files: await storedFiles() };
    const declared = await upload('li', randomBytes(5 * MiB));
    expect(declared.statusCode).toBe(413);
    expect(declared.json().message).toBe('文件不能超过 4 MB');
    // Without a Content-Length the bytes are counted as they arrive.
    const streamed = await upload('li', Readable.from([randomBytes(3 * MiB), randomBytes(2 * MiB)]));
    expect(streamed.statusCode).toBe(413);
    expect(await attachmentCount()).toBe(before.rows);
    expect(await storedFiles()).toEqual(before.files);
  });

  it('refuses an empty file and a bad file name in Chinese, naming the field', async () => {
    const before = await storedFiles();
    const empty = await upload('li', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fieldErrors).toEqual({ file: ['文件是空的，请选择有内容的文件'] });
    const slashed = await upload('li', Buffer.from('x'), { 'x-file-name': encodeURIComponent('../a.jpg') });
    expect(slashed.statusCode).toBe(400);
    expect(slashed.json().fieldErrors.fileName).toEqual(['文件名不能包含斜杠或控制字符']);
    const badEncoding = await upload('li', Buffer.from('x'), { 'x-file-name': '%E4%B8' });
    expect(badEncoding.statusCode).toBe(400);
    expect(badEncoding.json().fieldErrors.fileName).toEqual(['文件名应以 UTF-8 百分号编码']);
    expect(await storedFiles()).toEqual(before);
  });

  it('answers 404 in Chinese when the blob is gone', async () => {
    await rm(join(process.env.SHEQU_ATTACHMENTS_DIR as string, XIANGSHAN), { recursive: true });
    const response = await app.inject({
      method: 'GET',
      url: `/api/archives/attachments/${attachmentId}`,
      headers: { cookie: cookieOf('li') },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toContain('附件文件已不在存储中');
  });
});
