import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TitledPage } from './TitledPage.js';

const body = createElement('p', null, '正文');
const html = renderToStaticMarkup(
  createElement(TitledPage, { title: '民主议事', testId: 'democracy-page', children: body }),
);

describe('a titled page', () => {
  it('draws its title once, as the level-3 heading the browser walks find the page by', () => {
    expect(html.match(/<h3[^>]*>民主议事<\/h3>/g)).toHaveLength(1);
    expect(html.match(/<h\d/g)).toHaveLength(1);
    expect(html).toContain('data-testid="democracy-page"');
    expect(html.indexOf('民主议事')).toBeLessThan(html.indexOf('正文'));
  });
});
