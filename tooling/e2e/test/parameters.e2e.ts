/**
 * 辖区参数 walked by the first administrator: 鄂州's demo average wage makes 太和居委会's pay check answer;
 * 威海's comparable pay is not entered, so 东北村居委会's check is unknown and links to the page where the
 * city enters it; a bad figure is refused beside its field and nothing is recorded; a good one is
 * recorded with its source and the check answers. Then the page on a 390×844 phone, without sideways
 * scrolling.
 */
import { expect, it } from 'vitest';
import { describeInBrowser, screenshot } from './browser.js';
import { walkInConsole } from './sign-in.js';

const taihe = { code: '420702100001', name: '太和居委会' };
const dongbei = { code: '371002001001', name: '东北村居委会' };
const newPassword = 'E2e-Parameters-2026!';

describeInBrowser('jurisdiction-wide parameters in the console', () => {
  const walk = walkInConsole({ firstAdministrator: { newPassword } });

  const salaryOf = (rule: string) => walk.page.locator(`.compliance-result[data-rule="${rule}"]`);

  it('judges 鄂州 pay against the demo figure', async () => {
    await walk.page.goto(`${walk.server.url}/compliance/${taihe.code}`);
    await walk.page.getByRole('heading', { name: `${taihe.name} · 合规检查` }).waitFor();
    await salaryOf('ezhou.salary').waitFor();
    expect(['pass', 'fail']).toContain(await salaryOf('ezhou.salary').getAttribute('data-status'));
    await walk.page.goto(`${walk.server.url}/parameters?jurisdiction=420700`);
    const supplied = walk.page.getByTestId('parameters-supplied');
    await supplied.getByText('鄂州市城市在岗职工平均工资').waitFor();
    await supplied.getByText('89600.00 元/年').waitFor();
    await supplied.getByText(/演示数据/).waitFor();
  });

  it('links an unknown 威海 pay check to the page, refuses a bad figure, records a good one', async () => {
    await walk.page.goto(`${walk.server.url}/compliance/${dongbei.code}`);
    const check = salaryOf('weihai.salary');
    await check.waitFor();
    expect(await check.getAttribute('data-status')).toBe('unknown');
    expect(await check.textContent()).not.toMatch(/params|comparableInstitutionPay/);
    await check.getByTestId('supplied-parameter-link').click();
    await walk.page.waitForURL(/\/parameters\?jurisdiction=371000&parameter=comparableInstitutionPay$/);
    const comparable = walk.page
      .getByTestId('parameters-supplied')
      .locator('[data-parameter="comparableInstitutionPay"]');
    await comparable.getByText('尚未填报').waitFor();

    const form = walk.page.getByTestId('parameters-form');
    // A half-filled form is not lost silently: leaving by the menu asks first, and staying keeps it.
    await form.getByLabel('数值').fill('-3');
    await walk.page.getByRole('menuitem', { name: '工作台' }).click();
    const leave = walk.page.getByRole('dialog').filter({ hasText: '有尚未保存的修改' });
    await leave.getByRole('button', { name: '留在此页' }).click();
    await leave.waitFor({ state: 'detached' });
    expect(await form.getByLabel('数值').inputValue()).toBe('-3');
    await form.getByLabel('生效日期').fill('2025-01-01');
    await form.getByLabel('来源').fill('威海市人社局 2025年事业单位同类人员工资水平（测试）');
    await form.getByRole('button', { name: '填报' }).click();
    await form.getByText('数值应为正数，最多两位小数').waitFor();
    await walk.page.getByTestId('parameters-history').getByText('还没有填报记录').waitFor();
    // The browser logs the refusal's 400; it is the one error this walk expects.
    expect(walk.consoleErrors.splice(0)).toEqual([expect.stringContaining('status of 400')]);

    await form.getByLabel('数值').fill('70000');
    await form.getByRole('button', { name: '填报' }).click();
    await walk.page.getByTestId('parameters-history').getByText('70000.00 元/年').waitFor();
    await comparable.getByText('已填报').waitFor();
    await screenshot(walk.page, 'parameters-desk');

    await walk.page.goto(`${walk.server.url}/compliance/${dongbei.code}`);
    await check.waitFor();
    expect(['pass', 'warn']).toContain(await check.getAttribute('data-status'));
  });

  it('fits a 390×844 phone', async () => {
    await walk.page.setViewportSize({ width: 390, height: 844 });
    await walk.page.goto(`${walk.server.url}/parameters?jurisdiction=371000`);
    await walk.page.getByTestId('parameters-history').getByText('70000.00 元/年').waitFor();
    await walk.page.getByTestId('parameters-form').waitFor();
    const overflow = await walk.page.evaluate<number>(
      // A string, evaluated in the page: this package's types describe Node, not the browser.
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(walk.page, 'parameters-phone');
    expect(walk.consoleErrors).toEqual([]);
  });
});
