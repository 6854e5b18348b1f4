import { describe, expect, it } from 'vitest';
import { cleanArticle } from './clean-article.js';

describe('cleanArticle', () => {
  it('strips page furniture from copied text and keeps the header date, byline and headline', () => {
    const text = [
      'Light Mode',
      'Saturday, 7 March 2026',
      'Advertisement',
      'Blast kills nine in Bannu market',
      'Blast kills nine in Bannu market',
      'By The Frontier Post',
      'BANNU: A bomb planted on a motorcycle exploded in a crowded market on Saturday, killing nine people.',
      'Share on Facebook',
      'Police said the device weighed about five kilograms.',
      'Frontier Daily is a leading news website covering the region since 2001.',
      '- Advertisement -',
    ].join('\n');
    const a = cleanArticle(text);
    expect(a.publishedAt).toBe('2026-03-07');
    expect(a.title).toBe('Blast kills nine in Bannu market');
    expect(a.outlet).toBe('The Frontier Post');
    expect(a.dateline).toBe('BANNU');
    expect(a.paragraphs).toEqual([
      'A bomb planted on a motorcycle exploded in a crowded market on Saturday, killing nine people.',
      'Police said the device weighed about five kilograms.',
    ]);
  });

  it('reads HTML: metadata, title and story without navigation, ads or share blocks', () => {
    const html = `<html><head><meta property="og:site_name" content="Daily Example"><meta property="article:published_time" content="2025-11-04T08:00:00Z"></head>
      <body><nav><a>Home</a> | <a>World</a></nav><h1>Checkpost attacked in Zhob</h1>
      <div class="share-bar">Share on X</div><article><p>ZHOB: Militants attacked a checkpost &amp; killed three soldiers.</p>
      <div class="ad-slot">Buy now</div><p>Two attackers were killed in the exchange of fire.</p></article>
      <footer>© Daily Example</footer><script>var x = 1;</script></body></html>`;
    const a = cleanArticle(html);
    expect(a.outlet).toBe('Daily Example');
    expect(a.publishedAt).toBe('2025-11-04');
    expect(a.title).toBe('Checkpost attacked in Zhob');
    expect(a.paragraphs).toEqual([
      'Militants attacked a checkpost & killed three soldiers.',
      'Two attackers were killed in the exchange of fire.',
    ]);
  });
});
