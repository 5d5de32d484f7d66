/**
 * The worker roster of 象山社区, walked by 孙立, a worker of the community: the roster with numbers
 * masked, the post and training filters, a person's page where the full numbers are shown on request
 * (and logged), and the community's organisation chart — with no rule of Ezhou or Jiangsu checked, as
 * neither governs a community of 金山镇 — and a property-service area added; on a desktop, then opened
 * on a 390×844 phone. Then the administrator opens 新城社区 (鄂州), where Ezhou 第七条（二） governs, and
 * switches what 重合 means (ezhou.units-coincide): the findings change from 提示 to 符合, and back.
 */
import { expect, it } from 'vitest';
import { describeInBrowser, revealLazySection, screenshot } from './browser.js';
import { demoAccountPassword } from './server.js';
import { firstSignIn, walkInConsole } from './sign-in.js';

const xiangshan = { code: '370305111007', name: '象山社区居委会' };
/** The demo's Ezhou community with registers: its grids, groups and estates nest but are not one to one. */
const xincheng = { code: '420703101012', name: '新城社区居委会' };

describeInBrowser('the people roster and organisation chart in the console', () => {
  const walk = walkInConsole({ username: 'xs-sunli', password: demoAccountPassword });

  const rows = () => walk.page.getByTestId('people-roster').locator('.ant-table-tbody tr.ant-table-row');

  it('lists the roster with identity numbers masked and filters it', async () => {
    await walk.page.getByRole('menuitem', { name: '人员名册' }).click();
    await walk.page.getByRole('heading', { name: '人员名册' }).waitFor();
    await rows().filter({ hasText: '王书记' }).waitFor();
    expect(await rows().count()).toBe(5);
    await expect(rows().first().textContent()).resolves.toMatch(/\d{4}\*{10}[\dX]{4}/);

    await walk.page.getByLabel('岗位').click();
    await walk.page.locator('.ant-select-item-option', { hasText: '网格员' }).click();
    await expect.poll(() => rows().count(), { timeout: 10_000 }).toBe(1);
    await rows().filter({ hasText: '孙网格员' }).waitFor();

    // A fresh page starts unfiltered.
    await walk.page.reload();
    await rows().filter({ hasText: '王书记' }).waitFor();
    await walk.page.getByRole('checkbox', { name: '本年未培训' }).check();
    await expect.poll(() => rows().count(), { timeout: 10_000 }).toBe(3);
    await screenshot(walk.page, 'people-roster');
  });

  it('opens a person, shows the full numbers on request, and the organisation chart', async () => {
    await rows().filter({ hasText: '赵专干' }).getByRole('link', { name: '赵专干' }).click();
    await walk.page.getByRole('heading', { name: /赵专干/ }).waitFor();
    const details = walk.page.getByTestId('person-details');
    await expect(details.textContent()).resolves.toMatch(/\d{4}\*{10}/);
    await walk.page.getByRole('button', { name: '显示完整号码' }).click();
    await walk.page.getByText('完整号码的查看已记入操作日志').waitFor();
    await expect(details.textContent()).resolves.toMatch(/370305\d{11}[\dX]/);

    await walk.page.goto(`${walk.server.url}/people/org/${xiangshan.code}`);
    await walk.page.getByRole('heading', { name: `${xiangshan.name} · 组织架构` }).waitFor();
    // Only the documents governing 象山 (金山镇) are checked: none of Ezhou's or Jiangsu's rules.
    const findings = walk.page.getByTestId('org-findings');
    await findings.getByText('本社区适用的文件对组织架构没有需核对的规定').waitFor();
    await expect(findings.textContent()).resolves.not.toContain('网格长由社区居民委员会成员兼任');
    // Derived fields are named as the facts form names them, never by their English paths.
    await walk.page.getByTestId('org-derived').getByText('社区专职工作者').waitFor();
    await expect(walk.page.getByTestId('org-derived').textContent()).resolves.not.toMatch(/[a-z]\.[a-z]/i);
    // Households per grid as its buildings and groups count them, and the groups/grids overlap (guidance).
    await walk.page
      .getByTestId('org-grid-households')
      .first()
      .getByText(/按楼栋合计 \d+ 户/)
      .waitFor();
    await screenshot(walk.page, 'people-organisation');
  });

  it('adds a property-service area, with the refusal on its field, and shows how areas and grids coincide', async () => {
    const card = walk.page.getByTestId('org-property-areas-card');
    // The section below the first screen loads when it is scrolled into view.
    // The demo estate spans both grids, so it coincides with neither (guidance, a warning).
    await revealLazySection(
      card,
      card.getByTestId('property-area').filter({ hasText: '象山花园' }).getByText('未与任何网格重合'),
    );
    // The overlap is shown; Ezhou 第七条（二） does not govern 象山, so no finding is made of it.
    const findings = walk.page.getByTestId('org-findings');
    await expect(findings.textContent()).resolves.not.toContain('物业服务区域与网格尽可能重合');

    await card.getByText('添加物业服务区域', { exact: true }).click();
    const form = card.getByTestId('property-area-form');
    await form.getByRole('button', { name: '添加物业服务区域' }).click();
    await form.locator('.ant-form-item-explain-error').getByText('物业服务区域名称不能为空').waitFor();
    // The browser logs the refusal's 400; it is the one error this walk expects.
    expect(walk.consoleErrors.splice(0)).toEqual([expect.stringContaining('status of 400')]);
    await form.getByLabel('物业服务区域名称').fill('象山东苑');
    await form.getByLabel('物业服务企业（可空）').fill('东苑物业服务有限公司');
    await form.getByRole('button', { name: '添加物业服务区域' }).click();
    await card
      .getByTestId('property-area')
      .filter({ hasText: '象山东苑' })
      .getByText(/东苑物业服务有限公司/)
      .waitFor();
    await card
      .getByTestId('property-area')
      .filter({ hasText: '象山东苑' })
      .getByText('未与任何网格重合')
      .waitFor();

    // Edited in place: the company changes, the list shows it.
    await card
      .getByTestId('property-area')
      .filter({ hasText: '象山东苑' })
      .getByRole('button', { name: '修改' })
      .click();
    const dialog = walk.page.locator('.ant-modal', { hasText: '修改物业服务区域：象山东苑' });
    await dialog.getByLabel('物业服务企业（可空）').fill('新东苑物业服务有限公司');
    await dialog.getByRole('button', { name: '保存物业服务区域' }).click();
    await card
      .getByTestId('property-area')
      .filter({ hasText: '象山东苑' })
      .getByText(/新东苑物业服务有限公司/)
      .waitFor();
  });

  it('opens on a 390×844 phone screen', async () => {
    // The console's side menu keeps its 208px on a phone (the layout's concern, not this page's), so
    // this walk checks that the pages work there and keeps a screenshot, not that they fit.
    await walk.page.setViewportSize({ width: 390, height: 844 });
    await walk.page.goto(`${walk.server.url}/people`);
    await rows().filter({ hasText: '王书记' }).waitFor();
    await walk.page.getByRole('checkbox', { name: '本年未培训' }).waitFor();
    await walk.page.goto(`${walk.server.url}/people/org/${xiangshan.code}`);
    await walk.page
      .getByTestId('org-findings')
      .getByText('本社区适用的文件对组织架构没有需核对的规定')
      .waitFor();
    const areas = walk.page.getByTestId('org-property-areas-card');
    await revealLazySection(areas, areas.getByText('象山东苑'));
    await screenshot(walk.page, 'people-mobile');
    expect(walk.consoleErrors).toEqual([]);
  });

  it('lets the administrator switch the reading of 重合 on 新城’s organisation page, and back', async () => {
    await walk.page.setViewportSize({ width: 1280, height: 900 });
    await walk.page.context().clearCookies();
    await firstSignIn(walk.page, walk.server.url, {
      username: 'admin',
      oneTimePassword: walk.server.adminPassword,
      newPassword: 'People-Coincide-2026!',
    });
    await walk.page.goto(`${walk.server.url}/people/org/${xincheng.code}`);
    await walk.page.getByRole('heading', { name: `${xincheng.name} · 组织架构` }).waitFor();
    const findings = walk.page.getByTestId('org-findings');
    const finding = (title: string) => findings.locator('.ant-list-item', { hasText: title });
    const groups = finding('居民小组与网格尽可能重合');
    const areas = finding('物业服务区域与网格尽可能重合');
    // 默认理解 (the same boundaries): 第一网格 is two whole groups, 翠湖苑 only part of it — both warn.
    await groups.getByText('提示', { exact: true }).waitFor();
    await groups.getByText(/未重合：新城第一网格/).waitFor();
    await areas.getByText('提示', { exact: true }).waitFor();
    await expect(groups.getByRole('radio', { name: '默认理解' }).isChecked()).resolves.toBe(true);
    await screenshot(walk.page, 'people-coincide-chosen');

    // 另一种理解 (nesting): the same registers fit together without crossing — both hold.
    await groups.getByText('另一种理解', { exact: true }).click();
    await groups.getByText('符合', { exact: true }).waitFor();
    await groups.getByText(/各由整个的居民小组组成/).waitFor();
    await areas.getByText('符合', { exact: true }).waitFor();
    await groups.getByText(/互相嵌套、互不跨越/).waitFor();
    await expect(groups.getByRole('radio', { name: '另一种理解' }).isChecked()).resolves.toBe(true);
    await screenshot(walk.page, 'people-coincide-alternative');

    // And back to the default reading.
    await groups.getByText('默认理解', { exact: true }).click();
    await groups.getByText('提示', { exact: true }).waitFor();
    await areas.getByText('提示', { exact: true }).waitFor();
    await expect(groups.getByRole('radio', { name: '默认理解' }).isChecked()).resolves.toBe(true);
    expect(walk.consoleErrors).toEqual([]);
  });
});
