/**
 * Resident representatives (居民代表) of 象山社区 kept on its organisation page by 孙立, a worker of the
 * community, on a 390×844 phone: the committees' and representatives' sheet buttons are there, a
 * representative is added with the term's dates (a missing name and a reversed term answered on their
 * fields), and the term is ended on its last day (an end before it began refused on the field).
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, openPanel, revealLazySection, screenshot } from './browser.js';
import { demoAccountPassword } from './server.js';
import { walkInConsole } from './sign-in.js';

const xiangshan = { code: '370305111007', name: '象山社区居委会' };
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());

describeInBrowser('resident representatives on the organisation page', () => {
  const walk = walkInConsole(
    { username: 'xs-sunli', password: demoAccountPassword },
    { refusalsExpected: true, phone: true },
  );

  /** Types a date and leaves the field (Enter would also submit the form, a second time with the click). */
  const setDate = async (field: ReturnType<Page['getByLabel']>, value: string) => {
    await field.fill(value);
    await field.blur();
  };

  it('adds a representative with the term’s dates, each mistake on its field', async () => {
    await walk.page.goto(`${walk.server.url}/people/org/${xiangshan.code}`);
    await walk.page.getByRole('heading', { name: `${xiangshan.name} · 组织架构` }).waitFor();
    await walk.page.getByTestId('committee-spreadsheet').getByText('导出委员会及成员').waitFor();
    const card = walk.page.getByTestId('org-representatives');
    // The section below the first screen loads when it is scrolled into view.
    await revealLazySection(card, card.locator('.ant-collapse-header', { hasText: '添加居民代表' }));
    const form = walk.page.getByTestId('representative-form');
    await openPanel(
      walk.page,
      card.locator('.ant-collapse-header', { hasText: '添加居民代表' }),
      form.getByLabel('姓名'),
    );
    await form.getByRole('button', { name: '添加居民代表' }).click();
    await form.locator('.ant-form-item-explain-error', { hasText: '姓名不能为空' }).waitFor();

    await form.getByLabel('姓名').fill('代表丁');
    await setDate(form.getByLabel('任期结束日期（届满日，可空）'), '2020-01-01');
    await form.getByRole('button', { name: '添加居民代表' }).click();
    await form.locator('.ant-form-item-explain-error', { hasText: '任期结束日期不能早于开始日期' }).waitFor();

    await setDate(form.getByLabel('任期结束日期（届满日，可空）'), '2099-05-31');
    await form.getByRole('button', { name: '添加居民代表' }).click();
    await card.getByTestId('representative').filter({ hasText: '代表丁' }).waitFor();
    await expect(
      card.getByTestId('representative').filter({ hasText: '代表丁' }).textContent(),
    ).resolves.toContain(`${today} 至 2099-05-31`);
    await screenshot(walk.page, 'representatives-mobile');
  });

  it('ends the term on its last day, refusing a day before it began', async () => {
    const card = walk.page.getByTestId('org-representatives');
    const row = card.getByTestId('representative').filter({ hasText: '代表丁' });
    await row.getByRole('button', { name: '结束任期' }).click();
    const form = walk.page.getByTestId('representative-end-form');
    await setDate(form.getByLabel('任期最后一天'), '2020-01-01');
    await walk.page.locator('.ant-modal').getByRole('button', { name: '结束任期' }).click();
    await form.locator('.ant-form-item-explain-error', { hasText: '任期结束日期不能早于开始日期' }).waitFor();

    await setDate(form.getByLabel('任期最后一天'), today);
    await walk.page.locator('.ant-modal').getByRole('button', { name: '结束任期' }).click();
    await walk.page.getByText(`代表丁的任期已于 ${today} 结束`).waitFor();
    await expect.poll(() => row.textContent()).toContain(`${today} 至 ${today}`);
    expect(walk.consoleErrors).toEqual([]);
  });
});
