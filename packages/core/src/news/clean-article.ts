/** Article text or HTML in, the story out: navigation, "Dark Mode", advertisement and share blocks, bylines and site blurbs removed. */

import { findExplicitDate } from './news-dates.js';

export interface CleanArticle {
  readonly title?: string;
  readonly byline?: string;
  /** The outlet, when the page names itself (byline "By The South Asia Times", a site blurb, og:site_name). */
  readonly outlet?: string;
  /** The publication date the page states in its header or metadata (ISO day). */
  readonly publishedAt?: string;
  /** Dateline city ("ISLAMABAD - …"). */
  readonly dateline?: string;
  /** Story paragraphs, in order. */
  readonly paragraphs: readonly string[];
  /** Lines removed as boilerplate, for inspection. */
  readonly removed: readonly string[];
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
  mdash: '—',
  ndash: '–',
  hellip: '…',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

export function looksLikeHtml(text: string): boolean {
  return /<(html|body|p|div|article|h1|br)\b[^>]*>/i.test(text);
}

interface HtmlMeta {
  title?: string;
  outlet?: string;
  publishedAt?: string;
}

/** HTML to lines: drops script, style, nav, header, footer, aside, form and elements whose class or id says ad / share / menu. */
function htmlToLines(html: string, meta: HtmlMeta): string[] {
  const attr = (name: string) =>
    new RegExp(`<meta[^>]+(?:property|name)=["']${name}["'][^>]*content=["']([^"']+)["']`, 'i').exec(html)?.[1];
  const site = attr('og:site_name');
  if (site) meta.outlet = decodeEntities(site);
  const pub =
    attr('article:published_time') ?? attr('date') ?? attr('pubdate') ?? /<time[^>]+datetime=["'](\d{4}-\d{2}-\d{2})/i.exec(html)?.[1];
  if (pub && /^\d{4}-\d{2}-\d{2}/.test(pub)) meta.publishedAt = pub.slice(0, 10);
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  const og = attr('og:title');
  const title = h1 ?? og;
  if (title) meta.title = decodeEntities(title.replace(/<[^>]+>/g, '')).trim();
  let s = html.replace(/<!--[\s\S]*?-->/g, ' ');
  s = s.replace(/<(script|style|noscript|nav|header|footer|aside|form|iframe|svg|button|figure)\b[\s\S]*?<\/\1>/gi, ' ');
  // Blocks whose class or id marks them as ads, share bars, menus, related links or comments (innermost first, a few passes).
  const boiler =
    /<(div|section|ul|span|p)\b[^>]*(?:class|id)=["'][^"']*(?:\bad\b|ads|advert|share|social|menu|nav|related|comment|newsletter|subscribe|cookie|breadcrumb|sidebar|footer|header)[^"']*["'][^>]*>(?:(?!<\1\b)[\s\S])*?<\/\1>/gi;
  for (let k = 0; k < 4; k++) s = s.replace(boiler, ' ');
  s = s.replace(/<(br|\/p|\/div|\/h[1-6]|\/li|\/section|\/article|\/tr|\/blockquote)\b[^>]*>/gi, '\n');
  s = s.replace(/<[^>]+>/g, ' ');
  return decodeEntities(s)
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim());
}

/** A line that is page furniture, not story. */
const BOILERPLATE: RegExp[] = [
  /^(dark|light) mode$/i,
  /^logo$/i,
  /^(adsense )?advertisements?$/i,
  /^-?\s*advertisement\s*-?$/i,
  /^sponsored( content)?$/i,
  /^share( this| on \w+| article| this (article|story|post|page))?:?$/i,
  /^(facebook|twitter|x|whatsapp|linkedin|email|print|telegram)(\s*[|·•]\s*(facebook|twitter|x|whatsapp|linkedin|email|print|telegram))*$/i,
  /^(comment|comments|leave a (comment|reply)|comment \/ reply from|reply)$/i,
  /^need help\?.*$/i,
  /^(read more|also read|related( news| stories| articles)?|more from .*|recommended|trending|most read|popular)\s*:?$/i,
  /^(home|news|world|business|sports|opinion|menu|search|subscribe|sign in|log in|login|register|e-?paper|latest)(\s*[|·•›>/]\s*\w+)*$/i,
  /^(follow us|subscribe to our newsletter).*$/i,
  /^(copyright|©).*/i,
  /^(tags?|filed under|categories):.*/i,
  /^\d+\s*(min(ute)?s?)\s+read$/i,
  /^(photo|file photo|image)( credit)?:.*/i,
];

/** "X is a … news … website/portal/channel that …": an outlet describing itself. */
const SITE_BLURB =
  /^(.{2,60}?) is (a|an|the) [^.]{0,80}\b(news|media)\b[^.]{0,80}\b(website|portal|platform|outlet|channel|agency|organi[sz]ation|service)\b/i;

/**
 * Cleans one article. Works on text (as copied from a page) and on HTML. A date line in the header
 * ("Thursday, 12 February 2026", "date 2026-02-12 …") becomes `publishedAt`; "By …" becomes the
 * byline (and the outlet when it names no person); repeated lines (a headline printed twice) are kept once.
 */
export function cleanArticle(raw: string): CleanArticle {
  const meta: HtmlMeta = {};
  const lines = looksLikeHtml(raw)
    ? htmlToLines(raw, meta)
    : raw
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim());
  const removed: string[] = [];
  const kept: string[] = [];
  let byline: string | undefined;
  let outlet = meta.outlet;
  let publishedAt = meta.publishedAt;
  let title = meta.title;
  const seen = new Set<string>();
  let storyStarted = false;
  for (let line of lines) {
    if (line === '') continue;
    if (BOILERPLATE.some((re) => re.test(line))) {
      removed.push(line);
      continue;
    }
    const blurb = SITE_BLURB.exec(line);
    if (blurb && kept.length > 0) {
      outlet ??= blurb[1]?.trim();
      removed.push(line);
      continue;
    }
    const by = /^by\s+(.{2,80})$/i.exec(line);
    if (by && line.length < 90 && !/[.!?]$/.test(line)) {
      byline = by[1]?.trim();
      // "By The South Asia Times": a byline that is a publication, not a person.
      if (
        byline &&
        /^(the\s)?[A-Z][\w'’]*(\s[A-Z][\w'’]*)*$/.test(byline) &&
        /\b(times|news|post|tribune|express|herald|daily|report|wire|agency|desk|staff|web desk|monitoring)\b/i.test(byline)
      ) {
        if (!/\b(desk|staff|monitoring)\b/i.test(byline)) outlet ??= byline;
      }
      removed.push(line);
      continue;
    }
    // A header line: a date alone, or a date before a headline.
    const dateHit = !storyStarted ? findExplicitDate(line) : undefined;
    if (dateHit) {
      const before = line
        .slice(0, dateHit.index)
        .replace(/\b(date|published|updated|posted|on)\b:?/gi, '')
        .replace(/\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b,?/gi, '')
        .trim();
      const after = line
        .slice(dateHit.index + dateHit.length)
        .replace(/^[\s,:|–—-]+/, '')
        .trim();
      if (before === '' && (after === '' || (after.length < 160 && !/[.!?]$/.test(after)))) {
        publishedAt ??= dateHit.date;
        removed.push(line.slice(0, dateHit.index + dateHit.length).trim());
        if (after === '') continue;
        line = after;
      }
    }
    const key = line.toLowerCase();
    if (seen.has(key)) {
      removed.push(line);
      continue;
    }
    seen.add(key);
    kept.push(line);
    if (line.length > 160 || /[.!?"”]$/.test(line)) storyStarted = true;
  }
  // A headline: a short first line without a full stop, followed by the story.
  if (!title && kept.length > 1) {
    const first = kept[0] as string;
    if (first.length <= 160 && !/[.!?]$/.test(first) && !/^[A-Z][A-Z\s]+[:\-–—]/.test(first)) title = first;
  }
  const paragraphs = kept.filter((l) => l !== title);
  // Paragraphs broken mid-word by copy-paste ("… Ministry. T" / "he discussions …") are joined back.
  const joined: string[] = [];
  for (const p of paragraphs) {
    const prev = joined[joined.length - 1];
    if (prev !== undefined && /\s[A-Za-z]$/.test(prev) && /^[a-z]/.test(p)) joined[joined.length - 1] = prev + p;
    else joined.push(p);
  }
  let dateline: string | undefined;
  const dl = /^([A-Z][A-Z .'-]{2,30})\s*(?:[:\-–—]|\(\w+\)\s*[:\-–—]?)\s+/.exec(joined[0] ?? '');
  if (dl) {
    dateline = (dl[1] as string).trim();
    joined[0] = (joined[0] as string).slice(dl[0].length);
  }
  return {
    ...(title ? { title } : {}),
    ...(byline ? { byline } : {}),
    ...(outlet ? { outlet } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(dateline ? { dateline } : {}),
    paragraphs: joined,
    removed,
  };
}
