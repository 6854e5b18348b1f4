/** The analyst's day in a real browser: log in, screen, read an explanation and the entity, review a hit, batch, list diff. */

import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { describeE2E, it, loginAs, notSeeText, openPage, screenshot, seeText } from './harness.js';

describeE2E('screening UI', (ctx) => {
  it('logs in and shows the user, agency and the pages the role may open', async () => {
    const { server, browser } = ctx();
    const { page, context, errors } = await openPage(browser);
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await screenshot(page, '01-login');
    await loginAs(page, server, 'analyst');
    await page.getByRole('heading', { name: 'Screen', level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    for (const item of ['Screen', 'Batch', 'Reviews', 'Lists']) await nav.getByRole('link', { name: item }).waitFor();
    expect(await nav.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await page.getByRole('button', { name: /User menu for analyst/ }).waitFor();
    await screenshot(page, '02-screen-empty');

    await page.getByRole('button', { name: /User menu for analyst/ }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    // The session is gone on the server too: a deep link asks for the login again.
    await page.goto(`${server.url}/lists`);
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('screens a name with Enter and explains the best candidate token by token', async () => {
    const { server, browser } = ctx();
    const { page, context, errors } = await openPage(browser);
    await loginAs(page, server, 'analyst');
    await page.getByLabel('Name').fill('Samir Haddad');
    await page.getByLabel('Date of birth').fill('1967-09-24');
    await page.getByLabel('Date of birth').press('Enter');
    const results = page.getByRole('table', { name: 'Screening results' });
    await results.getByText('HADDAD, Samir Khalil').first().waitFor();
    const alignment = page.getByRole('table', { name: 'Aligned tokens' });
    await alignment.waitFor();
    const tokens = await alignment.locator('tbody tr').allInnerTexts();
    expect(tokens.join(' ').toLowerCase()).toContain('samir');
    expect(tokens.join(' ').toLowerCase()).toContain('haddad');
    const score = page.getByRole('table', { name: 'Score contributions' });
    await seeText(score.getByRole('row', { name: /Date of birth/ }), '+');
    await screenshot(page, '03-screen-explanation');

    // The query lives in the URL: reload shows the same result.
    await page.reload();
    await results.getByText('HADDAD, Samir Khalil').first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows script and SQL payloads typed as a name as plain text', async () => {
    const { server, browser } = ctx();
    const { page, context, errors } = await openPage(browser);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await loginAs(page, server, 'analyst');
    const payload = `<img src=x onerror=alert(1)>'); DROP TABLE entities;--`;
    await page.getByLabel('Name').fill(payload);
    await page.getByLabel('Name').press('Enter');
    await seeText(page.getByRole('main'), payload);
    expect(await page.locator('main img[src=x]').count()).toBe(0);
    // The store is intact: a real name still screens.
    await page.getByLabel('Name').fill('Samir Haddad');
    await page.getByLabel('Name').press('Enter');
    await page.getByRole('table', { name: 'Screening results' }).getByText('HADDAD, Samir Khalil').first().waitFor();
    expect(dialogs).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens the entity with every name, its script, dates, identifiers and source', async () => {
    const { server, browser } = ctx();
    const { page, context, errors } = await openPage(browser);
    await loginAs(page, server, 'analyst');
    await page.getByLabel('Name').fill('Abdul Rahman Yusuf al Mansouri');
    await page.getByLabel('Name').press('Enter');
    await page
      .getByRole('table', { name: 'Screening results' })
      .getByText(/MANSOURI/i)
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'Open entity →' }).click();
    const names = page.getByRole('table', { name: 'Names' });
    await names.waitFor();
    await seeText(names, 'عبد الرحمن يوسف المنصوري');
    await seeText(names.getByRole('row', { name: /المنصوري/ }), 'Arabic');
    await seeText(page.getByRole('region', { name: 'Personal details' }), '1979');
    await seeText(page.getByRole('table', { name: 'Identifiers' }), '05521387');
    await seeText(page.getByRole('region', { name: 'Source' }), 'un-sc');
    await screenshot(page, '04-entity');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('records a false positive with a reason and shows it on the next screening and in Reviews', async () => {
    const { server, browser } = ctx();
    const { page, context, errors } = await openPage(browser);
    await loginAs(page, server, 'reviewer');
    await page.getByLabel('Name').fill('Ivan Petrov');
    await page.getByLabel('Country').fill('RU');
    await page.getByLabel('Name').press('Enter');
    await page.getByRole('table', { name: 'Screening results' }).getByText('PETROV, Ivan Sergeyevich').first().click();
    const form = page.getByRole('form', { name: 'Record a review decision' });
    await form.getByLabel('False positive').check();
    await form.getByLabel('Reason').fill('Customer born 1985 in Minsk; listed person born 1970 in Saint Petersburg.');
    await form.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText('Decision recorded.').waitFor();
    // Badges are upper-cased by CSS, so innerText is too.
    await seeText(page.getByTestId('review-in-force'), /false positive/i);
    await seeText(page.getByTestId('review-in-force'), 'born 1985 in Minsk');
    await screenshot(page, '05-review-recorded');
    // Remembered on the server: a fresh screening of the same query shows the decision on the hit.
    await page.reload();
    await seeText(page.getByRole('table', { name: 'Screening results' }).getByRole('row', { name: /PETROV/ }), /false positive/i);

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Reviews' }).click();
    const table = page.getByRole('table', { name: 'Review decisions' });
    await table.getByText('Ivan Petrov').waitFor();
    await seeText(table, /false positive/i);
    await seeText(table, 'reviewer');
    await screenshot(page, '06-reviews');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('uploads a batch, follows its progress, filters and sorts the results and downloads them', async () => {
    const { server, browser } = ctx();
    const { page, context, errors } = await openPage(browser);
    await loginAs(page, server, 'analyst');
    const rows = ['id,full_name,date_of_birth,nationality'];
    rows.push('c-1,Samir Khalil Haddad,1967-09-24,SY', 'c-2,Carlos Alberto Morales Gutierrez,1975,CO', 'c-3,Kim Yong Chol,1962,KP');
    for (let i = 4; i <= 400; i++) rows.push(`c-${i},Person Number ${i} Testcase,1990-01-01,FR`);
    rows.push('c-401,,1990,FR');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Batch' }).click();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(`${rows.join('\n')}\n`) });
    await page.getByRole('button', { name: 'Start screening' }).click();
    await page.getByText(/401 of 401 rows screened/).waitFor({ timeout: 60_000 });
    const grid = page.getByRole('table', { name: 'Batch results' });
    await grid.getByText('Samir Khalil Haddad').waitFor();

    // The segmented control's radios are visually hidden; its labels are what a user clicks.
    const show = (label: RegExp) => page.getByRole('radiogroup', { name: 'Show rows' }).locator('label').filter({ hasText: label }).click();
    await show(/^Match \d/);
    await page.getByText(/^[1-3] shown$/).waitFor();
    await seeText(grid, 'HADDAD, Samir Khalil');
    await notSeeText(grid, 'Testcase');
    await show(/^Errors \d/);
    await page.getByText('1 shown').waitFor();
    await show(/^All \d/);
    await page.getByLabel('Filter rows').fill('morales');
    await page.getByText('1 shown').waitFor();
    await page.getByLabel('Filter rows').fill('');
    await grid.getByRole('button', { name: /Score/ }).click();
    const firstRow = grid.locator('tbody tr').first();
    await notSeeText(firstRow, 'Testcase');
    await screenshot(page, '07-batch');

    // A row opens with its candidates explained.
    await grid.getByText('Carlos Alberto Morales Gutierrez').click();
    await page.getByRole('table', { name: 'Aligned tokens' }).waitFor();
    await screenshot(page, '08-batch-row');
    await page.keyboard.press('Escape');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV' }).click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv.split('\n')[0]).toBe('row,id,query_name,rank,entity_id,source,name,schema,score,band,error');
    expect(csv).toContain('ofac-sdn:7005');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('updates a list now and shows the differences between its versions field by field', async () => {
    const { server, browser } = ctx();
    const { page, context, errors } = await openPage(browser);
    server.replaceList('ofac-sdn', 'ofac-sdn-v2');
    await loginAs(page, server, 'admin');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Lists' }).click();
    await page.getByRole('button', { name: 'Update now' }).click();
    await page.getByText('List update finished').waitFor({ timeout: 60_000 });
    await seeText(page.getByRole('status').filter({ hasText: 'ofac-sdn' }), /imported/i);
    const sources = page.getByRole('table', { name: 'List sources' });
    await sources
      .getByRole('link', { name: /OFAC|ofac-sdn/ })
      .first()
      .click();
    await page.getByRole('table', { name: 'Versions' }).getByText('superseded').waitFor();
    const diff = page.getByRole('region', { name: 'Differences' });
    await seeText(diff, '1 added');
    await seeText(diff, '1 removed');
    const changed = diff.getByRole('article', { name: /HADDAD, Samir Khalil/ });
    await seeText(changed, '1966');
    await seeText(changed, 'P0099812');
    await screenshot(page, '09-list-diff');
    await diff.getByRole('tab', { name: /Added/ }).click();
    await seeText(diff.getByRole('table', { name: 'Entities added' }), 'NEW HORIZON EXCHANGE');
    await diff.getByRole('tab', { name: /Removed/ }).click();
    await seeText(diff.getByRole('table', { name: 'Entities removed' }), 'OLD HARBOUR HOLDINGS');
    expect(errors).toEqual([]);
    await context.close();
  });
  it('lets the admin add a user and create an API key that screens, then revoke it', async () => {
    const { server, browser } = ctx();
    const { page, context, errors } = await openPage(browser);
    await loginAs(page, server, 'admin');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('table', { name: 'Users' }).getByText('analyst').first().waitFor();
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.getByLabel('Username').fill('second-reviewer');
    await dialog.locator('input[type=password]').fill('a-long-initial-password');
    await dialog.getByLabel('Role', { exact: true }).first().click();
    await page.getByRole('option', { name: 'reviewer', exact: true }).click();
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await page.getByRole('table', { name: 'Users' }).getByText('second-reviewer').waitFor();
    expect(await page.locator('input[aria-label="Role of second-reviewer"]').inputValue()).toBe('reviewer');
    await screenshot(page, '10-admin-users');

    await page.getByRole('tab', { name: 'API keys' }).click();
    await page.getByRole('button', { name: 'New API key' }).click();
    const keyDialog = page.getByRole('dialog', { name: 'New API key' });
    await keyDialog.getByLabel('Name').fill('onboarding');
    await keyDialog.getByRole('button', { name: 'Create key' }).click();
    const key = ((await page.getByTestId('new-api-key').textContent()) ?? '').trim();
    await screenshot(page, '11-admin-api-key');
    await page.getByRole('button', { name: 'Done' }).click();
    const screen = () =>
      fetch(`${server.url}/api/screen`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Samir Haddad' }),
      });
    const ok = await screen();
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { matches: { name: string }[] }).matches[0]?.name).toBe('HADDAD, Samir Khalil');

    const keys = page.getByRole('table', { name: 'API keys' });
    await keys.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('button', { name: 'Revoke key' }).click();
    await seeText(keys, /revoked/i);
    expect((await screen()).status).toBe(401);
    expect(errors).toEqual([]);
    await context.close();
  });
});
