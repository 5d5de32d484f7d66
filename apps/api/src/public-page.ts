/**
 * `GET /public/communities/{code}` (docs/interfaces.md §5): a community's public disclosure board as a
 * server-rendered page — no sign-in, no script, readable on a phone first and printable. It shows the
 * disclosures on the board today (本系统规则 R-DEM-1) and the office's contact, and nothing personal:
 * no account, no worker, and any identity or mobile number typed into a disclosure is masked.
 * The security headers and CSP of every response apply (inline styles are allowed, scripts are not).
 */
import { communities, currentDisclosures, findPublicContact, jurisdictions } from '@shequ/db';
import {
  type Disclosure,
  disclosureCategories,
  disclosureCategoryLabels,
  type PublicContact,
  redactPersonal,
} from '@shequ/democracy';
import { chinaDate, communityCode } from '@shequ/domain';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ApiSettings } from './context.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
const show = (text: string) => escapeHtml(redactPersonal(text));

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f1f1f;background:#f5f5f5}
main{max-width:760px;margin:0 auto;padding:16px}
header{background:#b71c1c;color:#fff;padding:16px;border-radius:8px}
header h1{margin:0;font-size:1.4em}
header p{margin:4px 0 0;opacity:.9}
section{background:#fff;border-radius:8px;padding:12px 16px;margin-top:12px}
h2{font-size:1.15em;margin:4px 0 8px;border-left:4px solid #b71c1c;padding-left:8px}
article{border-top:1px solid #eee;padding:8px 0}
article:first-of-type{border-top:0}
h3{font-size:1em;margin:0}
time{color:#666;font-size:.9em}
.body{white-space:pre-wrap;word-break:break-word;margin:4px 0 0}
dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:4px 12px}
dt{color:#666}
dd{margin:0;word-break:break-word}
.empty{color:#666}
footer{color:#666;font-size:.85em;text-align:center;margin:16px 0}
@media print{body{background:#fff;font-size:12pt}main{max-width:none;padding:0}header{background:none;color:#000;border-bottom:2px solid #000;border-radius:0;padding:0 0 8px}section{padding:8px 0;border-radius:0;break-inside:avoid-page}article{break-inside:avoid}}
`;

export interface PublicPage {
  name: string;
  streetName?: string;
  today: string;
  contact?: PublicContact;
  disclosures: Disclosure[];
}

export function renderPublicPage(page: PublicPage): string {
  const sections = disclosureCategories.map((category) => {
    const items = page.disclosures.filter((d) => d.category === category);
    const body =
      items.length === 0
        ? '<p class="empty">暂无公开事项</p>'
        : items
            .map(
              (d) =>
                `<article><h3>${show(d.title)}</h3><time datetime="${d.on}">公开日期：${d.on}${d.until ? `，公开至 ${d.until}` : ''}</time>${d.body ? `<p class="body">${show(d.body)}</p>` : ''}</article>`,
            )
            .join('');
    return `<section aria-labelledby="c-${category}"><h2 id="c-${category}">${disclosureCategoryLabels[category]}</h2>${body}</section>`;
  });
  const contact = page.contact
    ? `<dl><dt>办公地址</dt><dd>${show(page.contact.address)}</dd><dt>办公电话</dt><dd><a href="tel:${escapeHtml(page.contact.officePhone)}">${escapeHtml(page.contact.officePhone)}</a></dd><dt>办公时间</dt><dd>${show(page.contact.hours)}</dd></dl>`
    : '<p class="empty">暂未公布联系方式</p>';
  const title = `${escapeHtml(page.name)}居务公开`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><style>${STYLE}</style></head>
<body><main>
<header><h1>${title}</h1><p>${page.streetName ? `${escapeHtml(page.streetName)} · ` : ''}截至 ${page.today}</p></header>
<section aria-labelledby="contact"><h2 id="contact">联系我们</h2>${contact}</section>
${sections.join('\n')}
<footer>依据《江苏省城市社区居民委员会规范化建设工作指引》16 实行居务公开，欢迎居民查询和监督。</footer>
</main></body></html>`;
}

export function registerPublicRoutes(app: FastifyInstance, settings: ApiSettings): void {
  app.get<{ Params: { code: string } }>('/public/communities/:code', async (request, reply) => {
    const notFoundPage = () =>
      reply
        .code(404)
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>没有这个社区</title></head><body><p>没有这个社区。</p></body></html>',
        );
    const code = request.params.code;
    if (!communityCode.safeParse(code).success) return notFoundPage();
    const [row] = await settings.db
      .select({ name: communities.name, streetCode: communities.streetCode })
      .from(communities)
      .where(eq(communities.code, code))
      .limit(1);
    if (!row) return notFoundPage();
    const today = chinaDate(settings.now());
    const [street] = await settings.db
      .select({ name: jurisdictions.name })
      .from(jurisdictions)
      .where(eq(jurisdictions.code, row.streetCode))
      .limit(1);
    const contact = await findPublicContact(settings.db, code);
    const page = renderPublicPage({
      name: row.name,
      ...(street ? { streetName: street.name } : {}),
      today,
      ...(contact ? { contact } : {}),
      disclosures: await currentDisclosures(settings.db, code, today),
    });
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
  });
}
