/**
 * Compliance in the console, against the real server with the demo data and a real browser:
 * 象山社区居委会's compliance page (results beside the article texts, with the explanation), the
 * dashboard of 金山镇 drilling down to a community, and the policy explorer (rules, a side-by-side
 * comparison, a what-if). Screenshots go to tooling/e2e/screenshots/.
 */
import { expect, it } from 'vitest';
import { describeInBrowser, screenshot } from './browser.js';
import { walkInConsole } from './sign-in.js';

const jinshanTown = { code: '370305111', name: '金山镇' };
const xiangshan = { code: '370305111007', name: '象山社区居委会' };
const newPassword = 'Compliance-Walk-2026!';

describeInBrowser('compliance and policy in the console', () => {
  const walk = walkInConsole({ firstAdministrator: { newPassword } });

  const shot = (name: string) => screenshot(walk.page, name);

  it('shows 象山社区居委会’s results beside the article texts, with the explanation', async () => {
    await walk.page.goto(`${walk.server.url}/communities/${xiangshan.code}`);
    await walk.page.getByRole('heading', { name: xiangshan.name }).waitFor();
    await walk.page.getByRole('button', { name: '合规检查' }).click();
    await walk.page.waitForURL(new RegExp(`/compliance/${xiangshan.code}$`));
    await walk.page.getByRole('heading', { name: `${xiangshan.name} · 合规检查` }).waitFor();
    await walk.page.getByText('《金山镇城市社区工作管理办法（试行）》').first().waitFor();

    const minimum = walk.page.locator('.compliance-result[data-rule="jinshan.staff-minimum"]');
    await minimum.waitFor();
    const status = await minimum.getAttribute('data-status');
    expect(['pass', 'fail']).toContain(status);
    expect(await minimum.textContent()).toContain(status === 'pass' ? '通过' : '不通过');
    // The article text stands beside the result, the quoted sentence marked in it.
    const article = minimum.getByTestId('article-text');
    expect(await article.textContent()).toContain('第十条');
    expect(await article.locator('mark').textContent()).toContain('每个社区的工作人员不少于5人');

    await minimum.getByText('查看推理过程').click();
    const explanation = minimum.getByTestId('explanation');
    await explanation.waitFor();
    expect(await explanation.textContent()).toContain('读取的事实');
    expect(await explanation.textContent()).toContain('金山镇');
    await shot('11-compliance-xiangshan');
  });

  it('shows 金山镇’s dashboard with charts and drills down to a community', async () => {
    await walk.page.getByRole('link', { name: jinshanTown.name }).click();
    await walk.page.waitForURL(new RegExp(`/compliance\\?node=${jinshanTown.code}`));
    await walk.page.getByRole('heading', { name: `${jinshanTown.name} · 合规概览` }).waitFor();
    // Charts are fetched on demand: asked for once, both draw, and later pages (this browser remembers) draw theirs unasked.
    await walk.page.getByRole('button', { name: '显示图表' }).first().click();
    await walk.page.locator('[data-testid="chart-rules"] canvas').waitFor();
    await walk.page.locator('[data-testid="chart-children"] canvas').waitFor();
    // The town's four communities, one row each in the breakdown.
    const breakdown = walk.page
      .locator('.ant-card', { hasText: '按社区' })
      .locator('.ant-table-tbody tr.ant-table-row');
    expect(await breakdown.count()).toBe(4);
    await shot('12-dashboard-jinshan');

    // The list of communities with a warning on any rule, each linking to its compliance walk.page.
    await walk.page.getByRole('combobox', { name: '结果' }).click();
    await walk.page.locator('.ant-select-item-option', { hasText: '提醒' }).click();
    await walk.page.waitForURL(/status=warn/);
    const listed = walk.page.getByTestId('failing-list').locator('.ant-table-tbody tr.ant-table-row');
    await listed.first().waitFor();
    expect(await listed.count()).toBeGreaterThan(0);
    await shot('13-dashboard-jinshan-warnings');
    const first = listed.first().getByRole('link');
    const name = (await first.textContent()) ?? '';
    await first.click();
    await walk.page.waitForURL(/\/compliance\/370305111\d{3}$/);
    await walk.page.getByRole('heading', { name: `${name} · 合规检查` }).waitFor();
  });

  it('charts a city by district', async () => {
    await walk.page.goto(`${walk.server.url}/compliance?node=371000`);
    await walk.page.getByRole('heading', { name: '威海市 · 合规概览' }).waitFor({ timeout: 25_000 });
    await walk.page.locator('[data-testid="chart-children"] canvas').waitFor();
    expect(await walk.page.getByText('按下级辖区').count()).toBeGreaterThan(0);
    await shot('14-dashboard-weihai');
  });

  it('lists every rule of a jurisdiction with its citation in the policy explorer', async () => {
    await walk.page.getByRole('menuitem', { name: '政策法规' }).click();
    await walk.page.waitForURL(/\/policy/);
    await walk.page.getByRole('tab', { name: '规则浏览' }).waitFor();
    const rule = walk.page.locator('[data-rule="jinshan.staff-minimum"]');
    await rule.waitFor();
    expect(await rule.textContent()).toContain('《金山镇城市社区工作管理办法（试行）》第十条');
    await shot('15-policy-rules-jinshan');
  });

  it('sets two jurisdictions side by side', async () => {
    await walk.page.getByRole('tab', { name: '辖区对比' }).click();
    const table = walk.page.getByTestId('diff-table');
    await table.waitFor();
    // Rules by their titles, not their ids; a requirement stated twice by a pack is one row.
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('城市社区专职工作者按每300—400户居民配备1人');
    expect(text).not.toContain('full-time-staff');
    expect(text.split('城市社区党组织服务群众专项经费每个社区每年不少于20万元（无此规定）').length).toBe(2);
    expect(await table.locator('thead').textContent()).toContain('威海市');
    await shot('16-policy-compare');
  });

  it('counts the communities whose status a changed parameter would change', async () => {
    await walk.page.getByRole('tab', { name: '假设分析' }).click();
    const minimum = walk.page.getByRole('spinbutton', { name: '每个社区工作人员下限' });
    await minimum.waitFor();
    expect(await minimum.inputValue()).toBe('5');
    // A minimum above every demo community's workforce makes those that passed fail.
    await minimum.fill('60');
    await walk.page.getByRole('button', { name: '计算影响' }).click();
    const result = walk.page.getByTestId('what-if-result');
    await result.getByText('结果发生变化的社区').waitFor();
    const changed = await result
      .locator('.ant-statistic', { hasText: '结果发生变化的社区' })
      .locator('.ant-statistic-content-value')
      .textContent();
    expect(Number(changed)).toBeGreaterThan(0);
    expect(await result.textContent()).toContain('通过 → 不通过');
    await shot('17-policy-what-if');
    expect(walk.consoleErrors).toEqual([]);
  });
});
