/**
 * Community democracy against the real server with the demo data: 大行宫社区居委会's compliance page
 * answers every Jiangsu rule on meetings, consultation, charters and disclosure from its registers
 * (never 未知) and its 民主议事 page lists the Jiangsu deadlines; 象山's (Shandong) lists only what its
 * own documents make due, none of Jiangsu's, refuses a notice dated after the meeting on its field and
 * shows the elections; on a 390×844 phone its calendar fits the screen, a consultation
 * whose outcome is due before the session is refused on that outcome's field and then saved, and an
 * election whose supervision chair has half the votes is refused on the candidate in 大行宫 (Jiangsu
 * 17（4）) and saved in 象山, which no such rule governs; a covenant entered
 * through its form is refused on a filing before its adoption and then listed with its version; a
 * resident-group election sets the group's 组长 on the organisation page; and the public page of 大行宫
 * opens without sign-in on a phone.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, screenshot } from './browser.js';
import { walkInConsole } from './sign-in.js';

const daxinggong = { code: '320102002002', name: '大行宫社区居委会' };
const xiangshan = '370305111007';
const phone = { width: 390, height: 844 };

const democracyRules = [
  'jiangsu.residents-meeting-notice',
  'jiangsu.consultation-notice',
  'jiangsu.contested-to-residents-meeting',
  'jiangsu.charter-filing',
  'jiangsu.routine-disclosure',
  'jiangsu.important-disclosure',
  'jiangsu.monthly-work-meeting',
  'jiangsu.annual-report',
  'jiangsu.election-manner',
  'jiangsu.supervision-chair-majority',
];

describeInBrowser('community democracy in the console and on the public page', () => {
  const walk = walkInConsole(
    { firstAdministrator: { newPassword: 'Democracy-Walk-2026!' } },
    { refusalsExpected: true },
  );

  it('answers the Jiangsu rules on meetings, consultation, charters and disclosure for 大行宫, none unknown', async () => {
    await walk.page.goto(`${walk.server.url}/compliance/${daxinggong.code}`);
    await walk.page.getByRole('heading', { name: `${daxinggong.name} · 合规检查` }).waitFor();
    for (const rule of democracyRules) {
      const result = walk.page.locator(`.compliance-result[data-rule="${rule}"]`);
      await result.waitFor();
      expect([rule, await result.getAttribute('data-status')]).toEqual([
        rule,
        expect.stringMatching(/^(pass|warn|fail)$/),
      ]);
    }
    await screenshot(walk.page, 'democracy-compliance-daxinggong');
  });

  it('lists the Jiangsu deadlines in 大行宫 but none in 象山, and refuses a notice dated after the meeting', async () => {
    const jiangsu = '《江苏省城市社区居民委员会规范化建设工作指引》';
    await walk.page.goto(`${walk.server.url}/democracy/${daxinggong.code}`);
    await walk.page.getByTestId('democracy-deadlines').getByText(`依据${jiangsu}16（3）`).first().waitFor();
    await walk.page.goto(`${walk.server.url}/democracy/${xiangshan}`);
    const deadlines = walk.page.getByTestId('democracy-deadlines');
    await deadlines.getByText('依据《金山镇城市社区工作管理办法（试行）》第九条（三）').waitFor();
    expect(await deadlines.textContent()).not.toContain(jiangsu);
    await screenshot(walk.page, 'democracy-deadlines-xiangshan');
    await walk.page.getByRole('tab', { name: '会议' }).click();
    await walk.page.getByTestId('democracy-meeting').first().waitFor();
    await walk.page.getByTestId('meeting-new').click();
    const dialog = walk.page.getByRole('dialog', { name: '登记会议' });
    await dialog.getByLabel('会议名称').fill('临时居民会议');
    await dialog.getByLabel('公告日期').fill('2026-12-20');
    await dialog.getByLabel('会议日期').fill('2026-12-18');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('公告日期不能晚于会议日期').waitFor();
    await screenshot(walk.page, 'democracy-meeting-refused');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await walk.page.getByRole('tab', { name: '选举' }).click();
    await expect(
      walk.page.getByTestId('democracy-election').filter({ hasText: '居民委员会选举' }).first().textContent(),
    ).resolves.toContain('差额选举');
    expect(walk.consoleErrors.filter((e) => !e.includes('400'))).toEqual([]);
  });

  it('enters a covenant version through the form in 象山, refused on its filing date first, then lists it', async () => {
    /** Types a date and leaves the field (Enter would submit the form a second time). */
    const date = async (field: ReturnType<Page['getByLabel']>, value: string) => {
      await field.fill(value);
      await field.blur();
    };
    await walk.page.goto(`${walk.server.url}/democracy/${xiangshan}?tab=charters`);
    await walk.page.getByTestId('charter-new').click();
    const dialog = walk.page.getByRole('dialog', { name: '登记章程公约' });
    await dialog.getByLabel('名称').fill('文明养犬公约');
    await dialog.getByLabel('正文').fill('养犬居民出户应束犬链，及时清理犬只粪便。');
    await date(dialog.getByLabel('起草日期'), '2026-10-08');
    await date(dialog.getByLabel('居民会议表决通过日期'), '2026-11-20');
    await date(dialog.getByLabel('报街道备案日期'), '2026-11-15');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('备案日期不能早于表决通过日期').waitFor();
    await screenshot(walk.page, 'democracy-charter-refused');
    await date(dialog.getByLabel('报街道备案日期'), '2026-11-25');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const listed = walk.page.getByTestId('democracy-charter').filter({ hasText: '文明养犬公约' });
    await listed.getByText('第1版').waitFor();
    await expect(listed.textContent()).resolves.toContain('表决通过 2026-11-20 · 备案 2026-11-25');
  });

  it('sets 第一居民小组’s 组长 from its election, and the organisation page shows the leader', async () => {
    await walk.page.goto(`${walk.server.url}/democracy/${xiangshan}?tab=elections`);
    const election = walk.page.getByTestId('democracy-election').filter({ hasText: '第一居民小组' });
    await election.getByTestId('election-apply').click();
    const confirm = walk.page.locator('.ant-modal-confirm');
    await confirm.getByText('将何玉兰登记为第一居民小组的组长，任期自2026-06-20至2031-05-31。').waitFor();
    await confirm.getByRole('button', { name: /登\s*记/ }).click();
    await walk.page.getByText('已将何玉兰登记为第一居民小组组长').waitFor();
    await walk.page.goto(`${walk.server.url}/people/org/${xiangshan}`);
    await expect
      .poll(() => walk.page.getByTestId('org-units').textContent(), { timeout: 10_000 })
      .toContain('第一居民小组（420户，组长何玉兰，任期至2031-05-31）');
    await screenshot(walk.page, 'democracy-group-leader-on-organisation');
  });

  it('on a phone: the calendar fits, a consultation and an election are refused on their fields, then saved', async () => {
    const overflow = () =>
      walk.page.evaluate<number>(
        `Math.max(document.documentElement.scrollWidth, window.innerWidth) - ${phone.width}`,
      );
    /** Types a date and leaves the field (Enter would submit the form a second time). */
    const date = async (field: ReturnType<Page['getByLabel']>, value: string) => {
      await field.fill(value);
      await field.blur();
    };
    /** A dialog's right edge, which must stay on the phone's screen. */
    const rightEdge = async (dialog: ReturnType<Page['getByRole']>) => {
      const box = await dialog.boundingBox();
      return box ? box.x + box.width : Number.POSITIVE_INFINITY;
    };
    await walk.page.setViewportSize(phone);
    try {
      await walk.page.goto(`${walk.server.url}/democracy/${xiangshan}?tab=calendar`);
      await walk.page.getByTestId('democracy-calendar').waitFor();
      await walk.page.getByTestId('calendar-entry').first().waitFor();
      expect(await overflow()).toBe(0);
      await screenshot(walk.page, 'democracy-calendar-phone');

      await walk.page.goto(`${walk.server.url}/democracy/${xiangshan}?tab=consultations`);
      await walk.page.getByTestId('consultation-new').click();
      const consultation = walk.page.getByRole('dialog', { name: '登记协商' });
      await consultation.getByLabel('协商议题').fill('小区停车位划线');
      await consultation.getByLabel('参与协商的主体').fill('居民委员会\n物业服务中心');
      await date(consultation.getByLabel('协商日期'), '2026-11-20');
      await consultation.getByTestId('outcome-add').click();
      await consultation.getByLabel('成果').fill('划定临时停车位');
      await consultation.getByLabel('落实责任人').fill('物业服务中心');
      await date(consultation.getByLabel('落实期限'), '2026-11-10');
      await consultation.getByRole('button', { name: '保存' }).click();
      await consultation.getByText('落实期限不能早于协商日期').waitFor();
      expect(await rightEdge(consultation)).toBeLessThanOrEqual(phone.width);
      await screenshot(walk.page, 'democracy-consultation-refused-phone');
      await date(consultation.getByLabel('落实期限'), '2026-12-20');
      await consultation.getByRole('button', { name: '保存' }).click();
      await consultation.waitFor({ state: 'hidden' });
      // `first()`: a step walked again (the config's retry) has saved the same consultation twice.
      await walk.page
        .getByTestId('democracy-consultation')
        .filter({ hasText: '小区停车位划线' })
        .first()
        .waitFor();

      /** A supervision committee election whose chair has `votes` of the 200 cast. */
      const enterElection = async (code: string, votes: string) => {
        await walk.page.goto(`${walk.server.url}/democracy/${code}?tab=elections`);
        await walk.page.getByTestId('election-new').click();
        const dialog = walk.page.getByRole('dialog', { name: '登记选举' });
        await dialog.getByLabel('选举类别').click();
        await walk.page.getByTitle('居务监督委员会推选').click();
        await date(dialog.getByLabel('选举日期'), '2026-11-22');
        await date(dialog.getByLabel('任期届满日期'), '2031-05-31');
        await dialog.getByLabel('参加投票人数').fill('200');
        await dialog.getByTestId('candidate-add').click();
        await dialog.getByLabel('姓名').fill('候选人甲');
        await dialog.getByLabel('职务').click();
        await walk.page.getByTitle('主任', { exact: true }).click();
        await dialog.getByLabel('得票数').fill(votes);
        await dialog.getByLabel('当选').check();
        await dialog.getByRole('button', { name: '保存' }).click();
        return dialog;
      };
      // Jiangsu 17（4） governs 大行宫: a chair with half the votes is refused on the candidate.
      const election = await enterElection(daxinggong.code, '100');
      await election.getByText('主任候选人得票未超过参加投票居民的半数，不能当选').waitFor();
      expect(await rightEdge(election)).toBeLessThanOrEqual(phone.width);
      await screenshot(walk.page, 'democracy-election-refused-phone');
      await election.getByRole('button', { name: '取消' }).click();
      await election.waitFor({ state: 'hidden' });
      // It does not govern 象山 (Shandong), where no document sets the vote: the same result is saved.
      const saved = await enterElection(xiangshan, '100');
      await saved.waitFor({ state: 'hidden' });
      await walk.page.getByTestId('democracy-election').filter({ hasText: '2026-11-22' }).waitFor();
    } finally {
      await walk.page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('opens the public page of 大行宫 on a phone without signing in, and 404 for an unknown code', async () => {
    const context = await walk.browser.newContext({
      locale: 'zh-CN',
      viewport: phone,
      isMobile: true,
      hasTouch: true,
    });
    try {
      const visitor = await context.newPage();
      const response = await visitor.goto(`${walk.server.url}/public/communities/${daxinggong.code}`);
      expect(response?.status()).toBe(200);
      await visitor.getByRole('heading', { name: `${daxinggong.name}居务公开` }).waitFor();
      await visitor.getByText('025-84651234').waitFor();
      await visitor.getByRole('heading', { name: '重要事项', exact: true }).waitFor();
      const overflow = await visitor.evaluate<number>(
        `Math.max(document.documentElement.scrollWidth, window.innerWidth) - ${phone.width}`,
      );
      expect(overflow).toBe(0);
      await screenshot(visitor, 'democracy-public-page-phone');
      const missing = await visitor.goto(`${walk.server.url}/public/communities/320102002099`);
      expect(missing?.status()).toBe(404);
    } finally {
      await context.close();
    }
  });
});
