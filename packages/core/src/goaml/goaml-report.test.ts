import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { newCase } from '../cases/case-file.js';
import type { Transaction } from '../model/transaction.js';
import { goamlReportForCase } from './case-report.js';
import { DEFAULT_GOAML_LOOKUPS, type GoamlConfig } from './goaml-config.js';
import { buildGoamlReport, checkGoamlReport, type GoamlReport, goamlDate, goamlDecimal } from './goaml-report.js';
import { escapeXml } from './xml-writer.js';

// The schema is configuration: ARGUS_GOAML_SCHEMA, else ../shared/data/goaml beside the repository (as in CI).
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const schemaPath = process.env.ARGUS_GOAML_SCHEMA ?? join(repoRoot, '..', 'shared', 'data', 'goaml', 'goAMLSchema.xsd');
const haveSchema = existsSync(schemaPath);
if (!haveSchema)
  console.warn(`\n*** goAML schema not found at ${schemaPath}: xsd validation tests are SKIPPED (set ARGUS_GOAML_SCHEMA) ***\n`);

const dir = mkdtempSync(join(tmpdir(), 'goaml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function validate(xml: string): Promise<{ valid: boolean; errors: string }> {
  if (existsSync('/usr/bin/xmllint')) {
    const file = join(dir, `r${Math.random().toString(36).slice(2)}.xml`);
    writeFileSync(file, xml);
    try {
      execFileSync('/usr/bin/xmllint', ['--noout', '--schema', schemaPath, file], { stdio: 'pipe' });
      return { valid: true, errors: '' };
    } catch (e) {
      return { valid: false, errors: String((e as { stderr?: Buffer }).stderr ?? e) };
    }
  }
  const { validateXML } = await import('xmllint-wasm');
  const r = await validateXML({
    xml: [{ fileName: 'report.xml', contents: xml }],
    schema: [{ fileName: 'goAMLSchema.xsd', contents: readFileSync(schemaPath) }],
  });
  return { valid: r.valid, errors: r.errors.map((e) => e.rawMessage).join('\n') };
}

const config: GoamlConfig = {
  rentityId: 1234,
  rentityBranch: 'Head office',
  submissionCode: 'E',
  currencyCodeLocal: 'USD',
  reportingPerson: { firstName: 'Mary', lastName: "O'Brien & Sons <MLRO>", email: 'mlro@bank.example', occupation: 'MLRO' },
  location: { addressType: '-', address: '1 Main St', city: 'Springfield', countryCode: 'US' },
  transactionLocation: 'online banking',
  lookups: { ...DEFAULT_GOAML_LOOKUPS, transmode: { default: '-', wire: 'A' } },
};

const txs: Transaction[] = [
  {
    id: 'tx-1',
    time: '2024-03-01T09:30:00Z',
    amount: 9500,
    currency: 'USD',
    originator: { account: 'ACC-1', name: 'Acme "Trading" Ltd', country: 'us', institution: 'DEUTDEFF' },
    beneficiary: { account: 'ACC-2', country: 'PK' },
    channel: 'wire',
    purpose: 'invoice <42> & fees',
  },
  {
    id: 'tx-2',
    time: '2024-03-02T09:30:00Z',
    amount: 1000,
    baseAmount: 1100,
    currency: 'EUR',
    originator: { account: 'ACC-2', institution: 'Bank of Nowhere' },
    beneficiary: { account: 'ACC-3' },
  },
];

function caseReport(): GoamlReport {
  const c = newCase({
    id: 'case_abc',
    agencyId: 'a',
    title: 'Structuring',
    createdBy: 'alice',
    at: '2024-03-05T00:00:00Z',
    parties: [{ kind: 'account', ref: 'ACC-1' }],
  });
  const reported = {
    ...c,
    status: 'reported' as const,
    report: {
      reportCode: 'STR' as const,
      reason: 'Repeated deposits just below 10,000 — see notes',
      indicators: [],
      requestedBy: 'alice',
      requestedAt: 'x',
      approvedBy: 'bob',
    },
  };
  return goamlReportForCase({ caseFile: reported, transactions: txs, config, at: '2024-03-06T12:00:00.000Z' });
}

describe('goAML report builder', () => {
  it('formats dates and decimals as the schema wants', () => {
    expect(goamlDate('2024-03-01T09:30:00.123Z')).toBe('2024-03-01T09:30:00');
    expect(goamlDate('2024-03-01')).toBe('2024-03-01T00:00:00');
    expect(goamlDate('1700-01-01')).toBeUndefined();
    expect(goamlDate('yesterday')).toBeUndefined();
    expect(goamlDecimal(9500)).toBe('9500');
    expect(goamlDecimal(0.1 + 0.2)).toBe('0.3');
    expect(goamlDecimal(1e21)).not.toMatch(/e/);
  });

  it('escapes XML and drops characters XML cannot hold', () => {
    expect(escapeXml(`a<b>&"c'\u0001`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
  });

  it('maps a case to a report in schema order', () => {
    const r = caseReport();
    expect(r.reportCode).toBe('STR');
    expect(r.indicators).toEqual(['-']);
    const built = buildGoamlReport(r);
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    const xml = built.xml;
    const order = [
      '<rentity_id>',
      '<rentity_branch>',
      '<submission_code>',
      '<report_code>',
      '<entity_reference>',
      '<submission_date>',
      '<currency_code_local>',
      '<reporting_person>',
      '<location>',
      '<reason>',
      '<transaction>',
      '<report_indicators>',
    ];
    const positions = order.map((t) => xml.indexOf(t));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(xml).toContain('<swift>DEUTDEFF</swift>');
    expect(xml).toContain('<institution_code>Bank of Nowhere</institution_code>');
    expect(xml).toContain('<from_is_suspected>true</from_is_suspected>');
    expect(xml).toContain('<foreign_currency_code>EUR</foreign_currency_code>');
    expect(xml).toContain('<amount_local>1100</amount_local>');
    expect(xml).toContain('<transmode_code>A</transmode_code>');
    expect(xml).toContain('O&apos;Brien &amp; Sons &lt;MLRO&gt;');
  });

  it('names what is missing instead of emitting an invalid report', () => {
    const r = { ...caseReport(), rentityId: 0, indicators: [], transactions: [] };
    const problems = checkGoamlReport(r).map((p) => p.path);
    expect(problems).toEqual(expect.arrayContaining(['rentity_id', 'report_indicators', 'transaction']));
    expect(buildGoamlReport(r).ok).toBe(false);
  });

  it.skipIf(!haveSchema)('generated STR validates against goAMLSchema.xsd', async () => {
    const built = buildGoamlReport(caseReport());
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    const v = await validate(built.xml);
    expect(v.errors).toBe('');
    expect(v.valid).toBe(true);
  });

  it.skipIf(!haveSchema)('SAR with persons and entities, my-client person, validates too', async () => {
    const r = caseReport();
    const t0 = r.transactions[0];
    if (!t0) throw new Error('no tx');
    const sar: GoamlReport = {
      ...r,
      reportCode: 'SAR',
      action: 'account frozen',
      transactions: [
        {
          ...t0,
          from: {
            myClient: true,
            fundsCode: '-',
            country: 'US',
            subject: {
              person: {
                firstName: 'Ann',
                lastName: 'Lee',
                birthdate: '1980-02-03',
                ssn: '123',
                nationality1: 'US',
                residence: 'US',
                occupation: 'trader',
                phones: [{ contactType: '-', communicationType: 'M', countryPrefix: '1', number: '5550100' }],
              },
            },
          },
          to: {
            myClient: false,
            fundsCode: '-',
            country: 'PK',
            isSuspected: true,
            subject: { entity: { name: 'Shell Co <Pvt>', incorporationCountryCode: 'PK' } },
          },
        },
      ],
      indicators: ['-', '-'],
    };
    const built = buildGoamlReport(sar);
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    const v = await validate(built.xml);
    expect(v.errors).toBe('');
  });

  it.skipIf(!haveSchema)('the validator does reject a report in the wrong element order', async () => {
    const built = buildGoamlReport(caseReport());
    if (!built.ok) throw new Error('build');
    const swapped = built.xml.replace(/(<rentity_id>.*<\/rentity_id>\n)(\s*<rentity_branch>.*<\/rentity_branch>\n)/, '$2$1');
    expect(swapped).not.toBe(built.xml);
    expect((await validate(swapped)).valid).toBe(false);
  });
});
