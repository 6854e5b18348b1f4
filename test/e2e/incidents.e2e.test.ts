/**
 * The incident register in the browser: incidents recorded through the API and two outlets' reports of one bombing
 * ingested as news; the dashboard shows headline cards with month-on-month change, stacked monthly bars (ECharts),
 * breakdowns, the quoted statistic and the incident table with low–high ranges and sources; the incident page shows
 * each claim and how the estimate was reconciled; an analyst edits the incident's details and adds a claim.
 */

import { expect } from 'vitest';
import { describeE2E, it, loginAs, openPage, screenshot, seeText } from './harness.js';

// Written for this test: a first report and a next-day follow-up of one bombing (the toll rises), and a round-up.
const FIRST = `Monday, 12 January 2026
Advertisement
Blast at Mardan bus stand kills 11
By Frontier Daily
MARDAN: At least 11 people were killed and more than 30 wounded when a bomb hidden in a parked rickshaw went off at the bus stand on Sunday evening, police said.
No group immediately claimed responsibility, but officials suspected the Tehreek-e-Taliban Pakistan.
Share this article`;
const FOLLOW_UP = `Wednesday, 14 January 2026
Mardan bus stand blast toll rises to 14
MARDAN: The death toll from Sunday's bomb blast at the Mardan bus stand rose to 14 on Wednesday after three of the injured died at the district hospital, officials said.
The explosion also wounded 35 people.`;
const ROUND_UP = `Monday, 2 February 2026
Violence in Khyber Pakhtunkhwa rose in January, according to a report released by the Centre for Research and Security Studies (CRSS).
The think tank said 57 people lost their lives in the province, among them 21 security personnel and 30 civilians, a 12 percent increase over December.`;

const claim = (category: string, value: number, outlet: string, source: string, extra: Record<string, unknown> = {}) => ({
  outcome: 'killed',
  category,
  value,
  outlet,
  source,
  time: '2026-01-20T08:00:00Z',
  ...extra,
});

describeE2E('incidents UI: dashboard, incident page, editing', (ctx) => {
  it('shows the month with its charts, breakdowns, ranges and sources, and an incident with its reconciled claims', async () => {
    const { server, browser } = ctx();
    // December: one attack, so January's change is month-on-month.
    await server.api('analyst', 'POST', '/api/incidents', {
      date: '2025-12-18',
      province: 'Balochistan',
      district: 'Quetta',
      type: 'armed-assault',
      claims: [claim('security', 4, 'Quetta Times', 'https://qt.example/1')],
    });
    await server.api('analyst', 'POST', '/api/incidents', {
      date: '2026-01-20',
      province: 'KP',
      district: 'Bannu',
      type: 'security-operation',
      claims: [claim('militant', 9, 'ISPR', 'https://ispr.example/9', { ownClaim: true })],
    });
    await server.api('analyst', 'POST', '/api/incidents', {
      date: '2026-01-25',
      province: 'Balochistan',
      district: 'Kech',
      type: 'suicide-bombing',
      suicide: true,
      perpetrator: 'BLA',
      perpetratorStatus: 'claimed',
      claims: [claim('civilian', 6, 'Dawn', 'https://dawn.example/kech'), claim('security', 2, 'Dawn', 'https://dawn.example/kech')],
    });
    const ingest = await server.api<{
      events: { reports: string[]; incidents: { id: string; sources: unknown[] }[]; statistics: unknown[] }[];
    }>('analyst', 'POST', '/api/news/ingest', {
      reports: [
        { name: 'mardan-first.txt', text: FIRST },
        { name: 'mardan-follow-up.txt', text: FOLLOW_UP },
        { name: 'crss-january.txt', text: ROUND_UP },
      ],
    });
    const bombingEvent = ingest.events.find((e) => e.reports.includes('mardan-first.txt'));
    expect(bombingEvent?.reports).toEqual(['mardan-first.txt', 'mardan-follow-up.txt']);
    expect(bombingEvent?.incidents).toHaveLength(1);
    const bombingId = bombingEvent?.incidents[0]?.id as string;

    const { page, errors } = await openPage(browser);
    await loginAs(page, server, 'analyst');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Incidents' }).click();
    await page.getByRole('heading', { name: 'Security incidents', level: 1 }).waitFor();
    // The dashboard opens on the newest month of the register.
    await seeText(page.getByLabel('Incidents', { exact: true }), /3\b/);
    await seeText(page.getByTestId('headline-incidents'), '3');
    // Killed (best): Bannu 9 + Kech 8 + Mardan 14 = 31; December had 4.
    await seeText(page.getByTestId('headline-killed'), '31');
    await seeText(page.getByLabel('Killed (best estimate)'), 'range 28–31');
    await seeText(page.getByLabel('Killed (best estimate)'), /▲ 675% month-on-month \(from 4\)/);
    await seeText(page.getByTestId('headline-suicide'), '1');
    // ECharts draws on a canvas; its accessible label carries the twelve months' total.
    const chart = page.getByTestId('monthly-chart');
    await chart.locator('canvas').waitFor();
    expect(await chart.getAttribute('aria-label')).toContain('twelve months to 2026-01: 35 in all');
    await seeText(page.getByRole('table', { name: 'By province' }), 'Khyber Pakhtunkhwa');
    await seeText(page.getByRole('table', { name: 'By type' }), /Suicide bombing/i);
    await seeText(page.getByRole('table', { name: 'By perpetrator' }), 'Balochistan Liberation Army');
    await seeText(page.locator('body'), 'Centre for Research and Security Studies');
    const table = page.getByRole('table', { name: 'Incidents' });
    const row = table.locator('tr', { hasText: 'Mardan' });
    await seeText(row, '11–14 (14)');
    await seeText(row, /Frontier Daily\s+mardan-follow-up\.txt/i);
    await screenshot(page, 'incidents-01-dashboard');
    await page.getByRole('table', { name: 'By province' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'incidents-02-breakdowns');

    // The incident page: every claim as its outlet gave it, and how low, best and high were reached.
    await row.getByRole('link').first().click();
    await page.waitForURL(new RegExp(`/incidents/${bombingId}$`));
    await seeText(page.getByRole('table', { name: 'Claims' }), 'Frontier Daily');
    await seeText(page.getByRole('table', { name: 'Claims' }), 'mardan-follow-up.txt');
    await seeText(page.getByRole('table', { name: 'Claims' }), /at least 11/);
    await seeText(page.getByTestId('cell-killed-unknown'), '11–14 (14)');
    await seeText(page.getByRole('table', { name: 'Revisions' }), '14');
    await screenshot(page, 'incidents-03-incident');

    // Editing: details change, the claims stay; a new claim is reconciled in.
    await page.getByRole('button', { name: 'Edit details' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit the incident' });
    await dialog.getByLabel('Description').fill('Rickshaw bomb at the Mardan general bus stand');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await seeText(page.locator('body'), 'Rickshaw bomb at the Mardan general bus stand');
    await seeText(page.getByRole('table', { name: 'Claims' }), 'Frontier Daily');

    const add = page.getByRole('form', { name: 'Add a claim' });
    await add.getByLabel('Figure').fill('16');
    await add.getByLabel('Outlet').fill('Provincial health department');
    await add.getByLabel('Source').fill('https://health.example/mardan');
    await add.getByLabel('Reported on').fill('2026-01-16');
    await add.getByRole('button', { name: 'Add claim' }).click();
    await seeText(page.getByRole('table', { name: 'Claims' }), 'Provincial health department');
    await seeText(page.getByTestId('cell-killed-unknown'), '11–16 (16)');
    await screenshot(page, 'incidents-04-edited');

    // The news events: the two outlets' reports are one event.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'News events' }).click();
    const events = page.getByRole('table', { name: 'News events' });
    await seeText(events.locator('tr', { hasText: 'Blast at Mardan bus stand kills 11' }), /\b2\b/);
    await events.getByRole('link', { name: 'Blast at Mardan bus stand kills 11' }).click();
    await seeText(page.locator('main'), 'mardan-follow-up.txt');
    await screenshot(page, 'incidents-05-news');
    expect(errors).toEqual([]);
  });
});
