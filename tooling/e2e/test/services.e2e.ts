/**
 * Service cases of 象山社区, walked by 孙立, a worker of the community, on a 390×844 phone as at the
 * door: the demo's open cases with the overdue ones counted, the intake form refusing bad input with
 * field messages, a new case received with 孙立 as first responder, closed with the resident told,
 * and the resident answering through the one-time link without signing in — once; a visit recorded
 * on the doorstep; a volunteer registered, points credited and a redemption beyond them refused; a
 * signboard imposed outside the lists recorded as a burden and counted. Then work outside the lists
 * admitted (事项准入) by the demo's administrators: 周静 of 梅园新村街道 (Nanjing) lands on her
 * workbench, applies for 大行宫 (work already on the district's list is refused on its field); 何军 of
 * 玄武区 sees it on his workbench, is refused approval without funding (费随事转) on the funding field,
 * approves it with the funding, and the street sees it filed with the city; 马芳 of 金山镇 lands on her
 * town's workbench.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  chooseInMultiSelect,
  chooseOption,
  describeInBrowser,
  openConsolePage,
  openPanel,
  screenshot,
} from './browser.js';
import { demoAccountPassword } from './server.js';
import { signIn, walkInConsole } from './sign-in.js';

describeInBrowser('service cases in the console and the resident’s feedback link', () => {
  const walk = walkInConsole(
    { username: 'xs-sunli', password: demoAccountPassword },
    { refusalsExpected: true, phone: true },
  );
  let feedbackLink = '';

  const rows = () => walk.page.getByTestId('services-cases').locator('.ant-table-tbody tr.ant-table-row');

  it('lists the community’s open cases with the overdue ones counted, and my own on the workbench', async () => {
    await walk.page.goto(`${walk.server.url}/workbench`);
    await walk.page.getByTestId('workbench-cases').waitFor();
    // The community's households due and not visited wait on the worker's workbench too.
    await walk.page
      .getByTestId('workbench-visits')
      .getByText(/陈国华/)
      .first()
      .waitFor();
    await walk.page.goto(`${walk.server.url}/services`);
    await walk.page.getByRole('heading', { name: '服务事项' }).waitFor();
    await rows().first().waitFor();
    await expect(rows().first().textContent()).resolves.toBeTruthy();
    const overdue = Number(
      await walk.page.getByTestId('services-overdue').locator('.ant-statistic-content-value').textContent(),
    );
    expect(overdue).toBeGreaterThan(0);
    await walk.page.getByRole('checkbox', { name: '只看超期' }).check();
    await expect.poll(() => rows().count(), { timeout: 10_000 }).toBe(overdue);
    await screenshot(walk.page, 'services-list-phone');
  });

  it('refuses a bad intake with field messages, then receives the case with me as first responder', async () => {
    await walk.page.goto(`${walk.server.url}/services/new`);
    const form = walk.page.getByTestId('case-intake');
    await form.waitFor();
    await form.getByLabel('居民姓名').fill('测试居民');
    await form.getByLabel('事项').fill('咨询居住证明办理');
    await form.getByLabel('身份证号').fill('370305199001011235');
    // A stray click away asks first, and staying keeps what was typed.
    await walk.page.getByRole('link', { name: '服务事项' }).first().click();
    const leave = walk.page.getByRole('dialog').filter({ hasText: '有尚未保存的修改' });
    await leave.getByRole('button', { name: '留在此页' }).click();
    await leave.waitFor({ state: 'hidden' });
    expect(walk.page.url()).toMatch(/\/services\/new$/);
    expect(await form.getByLabel('事项').inputValue()).toBe('咨询居住证明办理');
    await walk.page.getByLabel('服务类别').click();
    await walk.page.locator('.ant-select-item-option', { hasText: '救助与福利' }).click();
    await form.getByRole('button', { name: '受理' }).click();
    // The check digit of this number is wrong (the right one is 1): the message sits under the field.
    await form.getByText('身份证号码校验位不正确，请核对').waitFor();
    await screenshot(walk.page, 'services-intake-refused');
    await form.getByLabel('身份证号').fill('');
    await form.getByRole('button', { name: '受理' }).click();
    await walk.page
      .getByTestId('case-page')
      .getByRole('heading', { name: /咨询居住证明办理/ })
      .waitFor();
    await walk.page.getByText(/孙立.*受理（首问责任人）/).waitFor();
  });

  it('closes the case with the resident told and shows the feedback link once', async () => {
    const step = walk.page.getByTestId('case-step');
    await step.getByText('办结', { exact: true }).click();
    await step.getByLabel('办理结果').fill('已告知办理流程和所需材料');
    await step.getByLabel('告知方式').click();
    await walk.page.locator('.ant-select-item-option', { hasText: '电话告知' }).click();
    await step.getByRole('button', { name: '办结' }).click();
    const link = walk.page.getByTestId('feedback-link');
    await link.waitFor();
    feedbackLink = (await link.locator('.ant-typography').first().textContent())?.trim() ?? '';
    expect(feedbackLink).toMatch(/\/feedback\/[A-Za-z0-9_-]{43}$/);
    await walk.page.getByText('已办结').first().waitFor();
    await screenshot(walk.page, 'services-case-closed');
  });

  it('lets the resident answer on a phone without signing in, once', async () => {
    const context = await walk.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const resident = await context.newPage();
    await resident.goto(feedbackLink);
    await resident.getByText('办理事项：咨询居住证明办理').waitFor();
    await resident.getByRole('button', { name: '提交评价' }).click();
    await resident.getByText('请选择满意度（1 到 5）').waitFor();
    await resident.getByLabel('很满意').check();
    await resident.getByLabel('意见（可不填）').fill('解答清楚');
    await resident.getByRole('button', { name: '提交评价' }).click();
    await resident.getByText('感谢您的评价').waitFor();
    await resident.reload();
    await resident.getByText('感谢您的评价').waitFor();
    await screenshot(resident, 'services-feedback-phone');
    await context.close();
    expect(walk.consoleErrors).toEqual([]);
  });

  it('records a visit on the doorstep: the seriously ill resident due and not visited drops off the missed list', async () => {
    await walk.page.goto(`${walk.server.url}/services/visits`);
    const coverage = walk.page.getByTestId('visit-coverage');
    const ill = coverage.locator('.ant-card').filter({ hasText: '陈国华' });
    await ill.getByText('应访未访').waitFor();
    const missedBefore = Number(
      await walk.page.getByTestId('visits-overdue').locator('.ant-statistic-content-value').textContent(),
    );
    await ill.getByRole('button', { name: '记录走访' }).click();
    await ill.getByRole('button', { name: '保存走访记录' }).click();
    await ill.getByText('请填写走访情况').or(ill.locator('.ant-form-item-explain-error')).first().waitFor();
    await ill.getByLabel('走访情况').fill('上门看望，透析按时');
    await ill.getByRole('button', { name: '保存走访记录' }).click();
    await coverage.locator('.ant-card').filter({ hasText: '陈国华' }).getByText('待走访').waitFor();
    await expect
      .poll(async () =>
        Number(
          await walk.page.getByTestId('visits-overdue').locator('.ant-statistic-content-value').textContent(),
        ),
      )
      .toBe(missedBefore - 1);
    await screenshot(walk.page, 'services-visits-phone');
    expect(walk.consoleErrors).toEqual([]);
  });

  it('registers a volunteer, credits points and refuses a redemption beyond them', async () => {
    await walk.page.goto(`${walk.server.url}/services/volunteers`);
    await walk.page.getByRole('heading', { name: '志愿者与公益积分' }).waitFor();
    await openPanel(
      walk.page,
      walk.page.getByText('登记志愿者', { exact: true }).first(),
      walk.page.getByLabel('姓名'),
    );
    await walk.page.getByLabel('姓名').fill('周阿姨');
    await walk.page.getByLabel('服务意愿').fill('助老陪伴');
    await walk.page.getByRole('button', { name: '保存志愿者' }).click();
    await walk.page.locator('.ant-form-item-explain-error').first().waitFor();
    await walk.page.getByLabel('性别').click();
    await walk.page.locator('.ant-select-item-option', { hasText: '女' }).click();
    await walk.page.getByLabel('出生日期').fill('1962-04-05');
    await walk.page.getByLabel('出生日期').press('Enter');
    await walk.page.getByLabel('可服务时间').fill('周末上午');
    await walk.page.getByLabel('身体状况').click();
    await walk.page.locator('.ant-select-item-option', { hasText: '良好' }).click();
    await walk.page.getByRole('button', { name: '保存志愿者' }).click();
    const card = walk.page.locator('.ant-card').filter({ hasText: '周阿姨' });
    await card.getByText('积分 0').waitFor();
    await card.getByRole('button', { name: '积分' }).click();
    await card.getByLabel('积分', { exact: true }).fill('20');
    await card.getByLabel('服务时长（分钟，存入时间银行）').fill('90');
    await card.getByLabel('事由').fill('陪同就医');
    await card.getByRole('button', { name: '保存' }).click();
    await card.getByText('积分 20').waitFor();
    await card.getByText('时间银行 1 小时 30 分').waitFor();
    await card.getByRole('button', { name: '积分' }).click();
    await card.getByText('兑换积分').click();
    await card.getByLabel('积分', { exact: true }).fill('25');
    await card.getByLabel('事由').fill('兑换米面');
    await card.getByRole('button', { name: '保存' }).click();
    await card.getByText('积分不足：现有 20 分，兑换 25 分').waitFor();
    await screenshot(walk.page, 'services-volunteers-phone');
    expect(walk.consoleErrors).toEqual([]);
  });

  it('records a signboard imposed outside the lists as a burden, refusing an allowed one, and counts it', async () => {
    await walk.page.goto(`${walk.server.url}/workload`);
    const counts = walk.page.getByTestId('burden-counts');
    const active = () =>
      counts.locator('.ant-statistic').first().locator('.ant-statistic-content-value').textContent();
    await counts.waitFor();
    const before = Number(await active());
    expect(before).toBeGreaterThan(0);
    const form = walk.page.getByTestId('burden-form');
    await openPanel(
      walk.page,
      walk.page.getByText('登记清单外负担', { exact: true }),
      form.getByLabel('事项名称'),
    );
    await form.getByRole('button', { name: '登记负担' }).click();
    // The refusal stands under the field it names, not only in the alert above the form.
    await form.locator('.ant-form-item-explain-error', { hasText: '事项名称不能为空' }).waitFor();
    await form.getByLabel('类别').click();
    await walk.page.locator('.ant-select-item-option', { hasText: '挂牌' }).click();
    await form.getByLabel('事项名称').fill('中国社区');
    await form.getByLabel('下派单位').fill('区禁毒办');
    await form.getByRole('button', { name: '登记负担' }).click();
    await form.getByText('这是规定允许悬挂的牌子，不属于负担').waitFor();
    await form.getByLabel('事项名称').fill('禁毒宣传站');
    await form.getByRole('button', { name: '登记负担' }).click();
    await walk.page.getByTestId('burden-list').getByText('禁毒宣传站').waitFor();
    await expect.poll(async () => Number(await active())).toBe(before + 1);
    expect(
      Number(await walk.page.evaluate('document.documentElement.scrollWidth - window.innerWidth')),
    ).toBeLessThanOrEqual(0);
    await walk.page.getByRole('tab', { name: '工作事项清单' }).click();
    await walk.page.getByTestId('lists-in-force').getByText('人口普查入户登记').waitFor();
    await screenshot(walk.page, 'workload-burdens-phone');
  });

  it('publishes a volunteer activity, signs 周阿姨 up and credits her hour; the windows in force are shown', async () => {
    await walk.page.goto(`${walk.server.url}/services/activities`);
    await walk.page.getByTestId('volunteer-hours').waitFor();
    await openPanel(
      walk.page,
      walk.page.getByText('发布志愿活动', { exact: true }),
      walk.page.getByLabel('活动名称'),
    );
    await walk.page.getByLabel('活动名称').fill('楼道清洁');
    await walk.page.getByLabel('活动地点').fill('象山小区');
    await walk.page.getByRole('button', { name: '发布活动' }).click();
    const card = walk.page.getByTestId('activity-card').filter({ hasText: '楼道清洁' });
    await card.getByLabel('报名的志愿者').click();
    await walk.page.locator('.ant-select-item-option', { hasText: '周阿姨' }).click();
    await card.getByRole('button', { name: '报名' }).click();
    await card.getByLabel('周阿姨的服务时长（分钟）').fill('60');
    await card.getByRole('button', { name: '登记时长' }).click();
    await card.getByText('1.0 小时，10 积分').waitFor();
    const overflow = Number(
      await walk.page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(walk.page, 'services-activities-phone');

    await walk.page.goto(`${walk.server.url}/services/windows`);
    await walk.page.getByTestId('windows-source').waitFor();
    await expect(walk.page.getByTestId('window-card').count()).resolves.toBeGreaterThan(0);
    expect(walk.consoleErrors).toEqual([]);
  });

  /** Another page of the walk's browser, signed in as a demo person and on their workbench. */
  const openWorkbenchAs = async (username: string): Promise<Page> => {
    const page = await openConsolePage(walk.browser, {
      errors: walk.consoleErrors,
      timeout: 20_000,
      refusalsExpected: true,
    });
    await signIn(page, walk.server.url, { username, password: demoAccountPassword });
    await page.goto(`${walk.server.url}/workbench`);
    return page;
  };

  describe('work outside the lists admitted by the street and the district', () => {
    let street: Page;
    let district: Page;
    const title = '独居老人夏季高温巡访';
    const admissionCard = (p: Page) =>
      p.getByTestId('admission-list').locator('.ant-card').filter({ hasText: title });

    it('lands 周静 of 梅园新村街道 on her workbench with the street’s requests, burdens and failing checks', async () => {
      street = await openWorkbenchAs('my-zhoujing');
      await street.getByTestId('workbench-admissions').getByText('汛期地下空间隐患排查').waitFor();
      await street.getByText('待区里审批的事项准入申请').waitFor();
      await street.getByTestId('workbench-burdens').getByText('考核评比 2 项').waitFor();
      await street.getByTestId('workbench-failing').waitFor();
      await screenshot(street, 'workload-street-workbench');
    });

    it('applies for work outside the lists; work on the district’s list is refused on its field', async () => {
      await street
        .getByTestId('workbench-admissions')
        .getByRole('link', { name: '汛期地下空间隐患排查' })
        .click();
      await street.waitForURL(/\/workload\?tab=admissions$/);
      const form = street.getByTestId('admission-form');
      await openPanel(
        street,
        street.getByText('申请清单外事项准入', { exact: true }),
        form.getByLabel('事项名称'),
      );
      await chooseOption(street, form.getByLabel('事项类别'), '协助政府类');
      await form.getByLabel('事项名称').fill('退役军人信息采集');
      await chooseInMultiSelect(street, form.getByLabel('安排到的社区'), form, '大行宫');
      await form.getByLabel('提出部门').fill('区卫生健康委员会');
      await form.getByLabel('申请理由').fill('高温天气期间逐户巡访独居老人，需社区协助');
      await form.getByLabel('开始日期').fill('2027-07-01');
      await form.getByLabel('开始日期').press('Enter');
      await form.getByRole('button', { name: '提交准入申请' }).click();
      await form.getByText('该事项已在居民委员会协助政府工作事项清单内，无需准入').waitFor();
      await form.getByLabel('事项名称').fill(title);
      await form.getByRole('button', { name: '提交准入申请' }).click();
      await admissionCard(street).getByText('待审批').waitFor();
      await screenshot(street, 'workload-admission-applied');
    });

    it('lets 何军 of 玄武区 approve it only with the funding that follows the task, filed with the city', async () => {
      district = await openWorkbenchAs('xw-hejun');
      const waiting = district.getByTestId('workbench-admissions');
      await district.getByText('待我审批的事项准入申请').waitFor();
      await waiting.getByText('汛期地下空间隐患排查').waitFor();
      await waiting.getByRole('listitem').filter({ hasText: title }).getByText('未列经费').waitFor();
      await district.getByTestId('workbench-failing').waitFor();
      await screenshot(district, 'workload-district-workbench');

      await waiting.getByRole('link', { name: title }).click();
      await district.waitForURL(/\/workload\?tab=admissions$/);
      const card = admissionCard(district);
      await card.getByRole('button', { name: '审批' }).click();
      const form = card.getByTestId('decision-form');
      await form.getByRole('button', { name: '提交审批' }).click();
      await form
        .locator('.ant-form-item')
        .filter({ hasText: '落实经费（元）' })
        .getByText('准入须落实经费（费随事转）：请填写经费金额和来源')
        .waitFor();
      await screenshot(district, 'workload-admission-unfunded');
      await form.getByLabel('落实经费（元）').fill('3000');
      await form.getByLabel('经费来源').fill('区民政社区服务专项经费');
      await form.getByRole('button', { name: '提交审批' }).click();
      await card.getByText('已准入').waitFor();
      await card.getByText(/经费 3,000\.00 元，来源：区民政社区服务专项经费；已报市民政部门备案/).waitFor();
      await screenshot(district, 'workload-admission-approved');
    });

    it('shows the street its request admitted and filed with the city', async () => {
      await street.reload();
      const card = admissionCard(street);
      await card.getByText('已准入').waitFor();
      await card.getByText(/已报市民政部门备案/).waitFor();
      await expect(card.getByRole('button', { name: '审批' }).count()).resolves.toBe(0);
    });

    it('lands 马芳 of 金山镇 on her town’s workbench with its pending request and burdens', async () => {
      const town = await openWorkbenchAs('js-mafang');
      await town.getByTestId('workbench-admissions').getByText('红色物业示范点创建').waitFor();
      await town.getByTestId('workbench-burdens').getByText('考核评比 2 项').waitFor();
      await town.getByText('有不通过检查项的社区').waitFor();
      await screenshot(town, 'workload-town-workbench');
      // The town's 服务事项: each community's visit coverage and this year's volunteer hours.
      await town.goto(`${walk.server.url}/services`);
      const covered = town
        .getByTestId('services-visit-coverage')
        .locator('.ant-list-item')
        .filter({ hasText: '象山' });
      await covered.getByText(/^应访未访 \d+$/).waitFor();
      await town
        .getByTestId('volunteer-hours')
        .locator('.ant-list-item')
        .filter({ hasText: '象山' })
        .getByText(/^志愿者 \d+$/)
        .waitFor();
      // Its 走访 page opens on the community picked from that list, not on an empty picker.
      await covered.getByRole('link').click();
      await town
        .getByTestId('visit-coverage')
        .getByText(/陈国华/)
        .first()
        .waitFor();
      expect(walk.consoleErrors).toEqual([]);
    });

    it('lands 高岩 of 临淄区 on his workbench with 金山镇’s request waiting for him', async () => {
      const district = await openWorkbenchAs('lz-gaoyan');
      await district.getByText('待我审批的事项准入申请').waitFor();
      await district.getByTestId('workbench-admissions').getByText('红色物业示范点创建').waitFor();
      // What he is there for comes first; the empty sections are one line below, named, not shown.
      await expect(district.locator('section[aria-label]').first().getAttribute('aria-label')).resolves.toBe(
        '待我审批的事项准入申请',
      );
      await district
        .getByTestId('workbench-empty')
        .getByText(/^暂无：.*待我审批/)
        .waitFor();
      await screenshot(district, 'workload-district-workbench-linzi');
      await district.setViewportSize({ width: 390, height: 844 });
      const top = await district.getByTestId('workbench-admissions').boundingBox();
      expect(top?.y ?? 844).toBeLessThan(844);
      await screenshot(district, 'workload-district-workbench-linzi-phone');
      expect(walk.consoleErrors).toEqual([]);
    });
  });
});
