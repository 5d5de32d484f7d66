/**
 * Assessment in the console, against the real server with the demo data and a real browser: the
 * administrator drafts a scheme for 华容区 (Ezhou), sees the routine weight of 50% marked with
 * 第三十四条 while typing, fixes it, publishes, enters one community's scores in the grid, and reads
 * the results (ranking chart, distribution), the community's breakdown and the printable publication,
 * which also fits a 390×844 phone. Then a survey of the first quarter: codes issued to that community,
 * a resident with no account answers on a phone, a second answer with the same code is refused, and the
 * community's breakdown shows the residents' score taken from the survey; the audit page names each of
 * these actions in Chinese. Screenshots go to tooling/e2e/screenshots/.
 */
import { expect, it } from 'vitest';
import { chooseOption, describeInBrowser, screenshot } from './browser.js';
import { walkInConsole } from './sign-in.js';

const newPassword = 'Assessment-Walk-2026!';
const huarong = '420703';

describeInBrowser('assessment in the console', () => {
  const walk = walkInConsole({ firstAdministrator: { newPassword } }, { refusalsExpected: true });
  let schemeUrl = '';

  const shot = (name: string) => screenshot(walk.page, name);
  const formItem = (label: string) =>
    walk.page.locator('.ant-form-item', { has: walk.page.getByLabel(label, { exact: true }) });

  it('marks the breaking weight with its article while the scheme is edited, then saves a lawful draft', async () => {
    await walk.page.goto(`${walk.server.url}/assessment`);
    await walk.page.getByRole('heading', { name: '综合考核' }).waitFor();
    await walk.page.getByRole('button', { name: '新建考核方案' }).click();
    await walk.page.getByRole('heading', { name: '新建考核方案' }).waitFor();
    await walk.page.getByLabel('辖区代码').fill(huarong);

    await walk.page.getByLabel('平时考核占比').fill('0.5');
    await walk.page.getByLabel('年度考核占比').fill('0.5');
    const routineError = formItem('平时考核占比').locator('.ant-form-item-explain-error');
    await routineError.waitFor();
    expect(await routineError.textContent()).toContain('第三十四条');
    await walk.page
      .locator(
        '[data-testid="scheme-finding"][data-rule="ezhou.routine-assessment-weight"][data-status="fail"]',
      )
      .waitFor();
    await walk.page.getByText('有不符合的约束性规定，修改前不能发布').waitFor();
    await shot('assessment-editor-breaking-weight');

    await walk.page.getByLabel('平时考核占比').fill('0.6');
    await walk.page.getByLabel('年度考核占比').fill('0.4');
    await walk.page.getByText('没有不符合的约束性规定，可以发布').waitFor();

    // Ezhou 第三十五条: residents' share in the communities' rating of their street at least 50%.
    await walk.page.getByLabel('社区考评街道：居民打分占比').fill('0.4');
    await walk.page
      .locator(
        '[data-testid="scheme-finding"][data-rule="ezhou.street-rating-resident-share"][data-status="fail"]',
      )
      .waitFor();
    await walk.page.getByText('有不符合的约束性规定，修改前不能发布').waitFor();
    await walk.page.getByLabel('社区考评街道：居民打分占比').fill('0.5');
    await walk.page.getByText('没有不符合的约束性规定，可以发布').waitFor();
    await routineError.waitFor({ state: 'detached' });
    await walk.page.getByRole('button', { name: '保存草稿' }).click();
    await walk.page.waitForURL(/\/assessment\/[0-9a-f-]{36}$/);
    schemeUrl = walk.page.url();
    expect(await walk.page.getByTestId('scheme-status').textContent()).toBe('草稿');
  });

  it('publishes the draft and enters one community’s scores in the grid', async () => {
    await walk.page.getByRole('button', { name: '发布' }).click();
    await walk.page.getByTestId('scheme-status').getByText('已发布').waitFor();
    await walk.page.getByRole('tab', { name: '分数录入' }).click();

    const work = walk.page.locator('input[aria-label$=" 工作实绩"]').first();
    await work.waitFor();
    const community = ((await work.getAttribute('aria-label')) ?? '').replace(/ 工作实绩$/, '');
    await work.fill('90');
    await walk.page.getByLabel(`${community} 居民满意度`, { exact: true }).fill('80');
    await walk.page.getByRole('button', { name: '保存分数' }).click();
    await walk.page.getByText('已保存 2 个分数').waitFor();

    await chooseOption(walk.page, walk.page.getByLabel('考核周期'), '年度考核');
    await walk.page.getByLabel(`${community} 年度述职`, { exact: true }).fill('150');
    await walk.page.getByLabel(`${community} 年度满意度测评`, { exact: true }).fill('70');
    await walk.page.getByRole('button', { name: '保存分数' }).click();
    await walk.page.getByTestId('score-errors').getByText('未保存任何分数').waitFor();
    await walk.page.getByLabel(`${community} 年度述职`, { exact: true }).fill('80');
    await walk.page.getByRole('button', { name: '保存分数' }).click();
    await walk.page.getByText('已保存 2 个分数').waitFor();
    await shot('assessment-score-grid');
  });

  it('shows the results with the ranking chart and the distribution, the breakdown and the publication', async () => {
    await walk.page.getByRole('tab', { name: '结果' }).click();
    await walk.page.getByText('已计分社区：1').waitFor();
    // routine 90 × 0.7 + 80 × 0.3 = 87; annual 80 × 0.6 + 70 × 0.4 = 76; 87 × 0.6 + 76 × 0.4 = 82.6
    expect(await walk.page.getByTestId('ranking-chart').getAttribute('aria-label')).toContain('82.6分');
    expect(await walk.page.getByTestId('distribution-chart').getAttribute('aria-label')).toContain('合格1个');
    await shot('assessment-results');

    await walk.page.locator('.ant-table-row a').first().click();
    await walk.page.getByTestId('breakdown-formula').waitFor();
    expect(await walk.page.getByTestId('breakdown-formula').textContent()).toContain(
      '87 × 0.6 + 76 × 0.4 = 82.6',
    );

    await walk.page.goto(`${schemeUrl}/publication`);
    await walk.page.getByTestId('publication-date').waitFor();
    expect(await walk.page.getByTestId('publication-date').textContent()).toMatch(
      /公示日期：\d{4}年\d{1,2}月\d{1,2}日/,
    );
    await walk.page.emulateMedia({ media: 'print' });
    expect(await walk.page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    await walk.page.emulateMedia({ media: 'screen' });

    await walk.page.setViewportSize({ width: 390, height: 844 });
    await walk.page.reload();
    await walk.page.getByTestId('publication-date').waitFor();
    await shot('assessment-publication-phone');
    const overflow = Number(
      await walk.page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(walk.consoleErrors).toEqual([]);
  });

  it('runs a residents’ survey: codes issued once, a resident answers on a phone without an account, a second answer refused', async () => {
    await walk.page.setViewportSize({ width: 1280, height: 900 });
    await walk.page.goto(`${schemeUrl}/surveys`);
    await walk.page.getByRole('heading', { name: '居民满意度调查' }).waitFor();
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
    const year = today.slice(0, 4);
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toLocaleDateString('en-CA', {
      timeZone: 'Asia/Shanghai',
    });
    await chooseOption(walk.page, walk.page.getByLabel('调查周期'), `${year}-Q1`);
    await walk.page.getByPlaceholder('开始日期').click();
    await walk.page.getByPlaceholder('开始日期').fill(today);
    await walk.page.keyboard.press('Enter');
    await walk.page.getByPlaceholder('结束日期').fill(inAWeek);
    await walk.page.keyboard.press('Enter');
    await walk.page.getByRole('button', { name: '发起' }).click();
    const survey = walk.page.getByTestId(`survey-${year}-Q1`);
    await survey.getByText('进行中').waitFor();

    const count = survey.locator('input[aria-label$=" 答卷码份数"]').first();
    const community = ((await count.getAttribute('aria-label')) ?? '').replace(/ 答卷码份数$/, '');
    await count.fill('2');
    await survey.getByRole('button', { name: '发放' }).first().click();
    const sheet = walk.page.getByTestId('issued-codes');
    await sheet.waitFor();
    const link = (await walk.page.getByTestId('survey-link').textContent()) ?? '';
    const codes = await sheet.locator('li').allTextContents();
    expect(codes).toHaveLength(2);
    await shot('assessment-survey-codes');
    await walk.page.getByRole('button', { name: '已打印，关闭' }).click();
    await survey.getByText('已发 2，已用 0').waitFor();

    // A resident: a phone, no session.
    const resident = await walk.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const phone = await resident.newPage();
    await phone.goto(link);
    await phone.getByText(community).waitFor();
    await phone.getByLabel('满意', { exact: true }).check();
    await phone.getByLabel('答卷码').fill(codes[0] as string);
    await phone.getByRole('button', { name: '提交' }).click();
    await phone.getByRole('heading', { name: '感谢您的参与' }).waitFor();
    await screenshot(phone, 'assessment-survey-answered-phone');
    await phone.goto(link);
    await phone.getByLabel('非常不满意', { exact: true }).check();
    await phone.getByLabel('答卷码').fill(codes[0] as string);
    await phone.getByRole('button', { name: '提交' }).click();
    await phone.getByText('该答卷码已经提交过答卷').waitFor();
    const overflow = Number(await phone.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone, 'assessment-survey-refused-phone');
    await resident.close();

    await walk.page.reload();
    await walk.page.getByTestId(`survey-${year}-Q1`).getByText('已发 2，已用 1').waitFor();
    await walk.page.goto(schemeUrl);
    // As a person would, the link is followed once the results have come in.
    await walk.page.getByTestId('ranking-chart').waitFor();
    await walk.page.locator('.ant-table-row a', { hasText: community }).click();
    await walk.page.getByTestId('breakdown-formula').waitFor();
    await walk.page.getByText(`平时考核 ${year}-Q1`).click();
    await walk.page.getByText('居民满意度调查 1 份（满意 1）').waitFor();
    await shot('assessment-breakdown-survey');

    // The workbench names the survey closing within the week and leads to its walk.page.
    await walk.page.goto(`${walk.server.url}/workbench`);
    const deadlines = walk.page.getByTestId('workbench-assessment');
    const item = deadlines.locator('li', { hasText: `${year}-Q1居民满意度调查截止` });
    await item.waitFor();
    await shot('assessment-workbench-deadlines');
    await item.getByRole('link', { name: '去办理' }).click();
    await walk.page.getByRole('heading', { name: '居民满意度调查' }).waitFor();
    expect(walk.consoleErrors).toEqual([]);
  });

  it('a community rates its street (Ezhou 第三十五条), a score out of range refused on its field, and the street’s rating weights residents at 50%', async () => {
    await walk.page.goto(schemeUrl);
    await walk.page.getByRole('tab', { name: '社区考评街道' }).click();
    await walk.page.getByText('本方案居民打分占比：50%').waitFor();
    await walk.page.getByLabel('评分社区').click();
    const option = walk.page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    const label = (await option.textContent()) ?? '';
    const streetName = /（(.+)）$/.exec(label)?.[1] ?? '';
    await option.click();
    await walk.page.getByLabel('社区评分').fill('150');
    await walk.page.getByLabel('居民评分').fill('60, 70, 80');
    await walk.page.getByRole('button', { name: '保存评分' }).click();
    await walk.page.locator('.ant-form-item-explain-error', { hasText: '分数应在0到100之间' }).waitFor();
    await walk.page.getByLabel('社区评分').fill('80');
    await walk.page.getByRole('button', { name: '保存评分' }).click();
    await walk.page.getByText('已保存本社区对街道的评分').waitFor();

    await chooseOption(walk.page, walk.page.getByLabel('街道', { exact: true }), streetName);
    // community 80, residents (60 + 70 + 80) / 3 = 70, at 50%: 75
    await walk.page.getByTestId('street-rating').getByText('75', { exact: true }).waitFor();
    await shot('assessment-street-rating');
    expect(walk.consoleErrors).toEqual([]);
  });

  it('the audit page names every assessment action in Chinese, none by its identifier', async () => {
    // Each kind of assessment record through the page's own object filter: the log lists newest first by
    // time, and the demo's scores entered after the year's end would fill the first page unfiltered.
    const table = walk.page.locator('.ant-table-tbody');
    for (const [entityType, label] of [
      ['assessmentStreetRating', '社区考评街道评分'],
      ['assessmentScheme', '发布考核方案'],
      ['assessmentScores', '录入考核分数'],
      ['assessmentSurvey', '发放满意度调查答卷码'],
      ['assessmentSurveyResponse', '居民提交满意度答卷'],
    ] as const) {
      await walk.page.goto(`${walk.server.url}/audit?entityType=${entityType}`);
      await table.getByText(label).first().waitFor();
      const actions = await table.locator('.ant-tag').allTextContents();
      // None of the assessment's actions may show as an identifier.
      expect(actions.filter((a) => /^(assessment|people\.committee)\./.test(a))).toEqual([]);
      expect(await table.textContent()).not.toMatch(/assessment|Survey|StreetRating|committeeMember/);
    }
    await shot('assessment-audit-log');
    expect(walk.consoleErrors).toEqual([]);
  });
});
