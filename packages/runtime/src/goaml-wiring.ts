/**
 * goAML wiring shared by CLI and server: the FIU configuration file (ARGUS_GOAML_CONFIG), the schema path
 * (ARGUS_GOAML_SCHEMA, else ../shared/data/goaml) and an xsd validator (system xmllint, else xmllint-wasm).
 */

import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ArgusError } from '@argus/core';
import { DEFAULT_GOAML_LOOKUPS, type GoamlConfig } from '@argus/core/goaml';
import type { ReportValidator } from '@argus/app/cases';

/** Placeholder configuration: validates against the base schema; an agency supplies its real rentity data. */
export const DEFAULT_GOAML_CONFIG: GoamlConfig = {
  rentityId: 1,
  rentityBranch: 'Head office',
  submissionCode: 'E',
  currencyCodeLocal: 'USD',
  reportingPerson: { firstName: 'Compliance', lastName: 'Officer' },
  location: { addressType: '-', address: 'unknown', city: 'unknown', countryCode: '-' },
  transactionLocation: 'unknown',
  lookups: DEFAULT_GOAML_LOOKUPS,
};

/** The configuration ARGUS_GOAML_CONFIG names (a JSON file), over the placeholders; the placeholders without one. */
export function loadGoamlConfig(env: NodeJS.ProcessEnv = process.env): GoamlConfig {
  const file = env.ARGUS_GOAML_CONFIG;
  if (!file) return DEFAULT_GOAML_CONFIG;
  let parsed: Partial<GoamlConfig>;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<GoamlConfig>;
  } catch (e) {
    throw new ArgusError('INPUT_INVALID', `goAML configuration ${file} could not be read: ${(e as Error).message}`, { location: { file } });
  }
  return {
    ...DEFAULT_GOAML_CONFIG,
    ...parsed,
    lookups: {
      ...DEFAULT_GOAML_LOOKUPS,
      ...parsed.lookups,
      transmode: { ...DEFAULT_GOAML_LOOKUPS.transmode, ...parsed.lookups?.transmode },
    },
  };
}

/** The xsd: ARGUS_GOAML_SCHEMA, else shared/data/goaml beside the working directory or beside the repository. */
export function goamlSchemaPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.ARGUS_GOAML_SCHEMA) return resolve(env.ARGUS_GOAML_SCHEMA);
  // packages/runtime/{src,dist}/ → the repository root is three levels up.
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const candidates = [
    resolve('..', 'shared', 'data', 'goaml', 'goAMLSchema.xsd'),
    resolve('shared', 'data', 'goaml', 'goAMLSchema.xsd'),
    join(repo, '..', 'shared', 'data', 'goaml', 'goAMLSchema.xsd'),
  ];
  return candidates.find((p) => existsSync(p));
}

const run = promisify(execFile);

/** Validates with the system xmllint when present, else with xmllint-wasm. */
export function xsdValidator(schemaPath: string): ReportValidator {
  return async (xml) => {
    if (existsSync('/usr/bin/xmllint')) {
      const dir = await mkdtemp(join(tmpdir(), 'argus-goaml-'));
      const file = join(dir, 'report.xml');
      try {
        await writeFile(file, xml);
        await run('/usr/bin/xmllint', ['--noout', '--schema', schemaPath, file]);
        return { valid: true };
      } catch (e) {
        const stderr = String((e as { stderr?: string }).stderr ?? (e as Error).message);
        return {
          valid: false,
          errors: stderr
            .split('\n')
            .filter((l) => l && !l.endsWith('fails to validate'))
            .map((l) => l.replace(`${file}:`, 'line ')),
        };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    const { validateXML } = await import('xmllint-wasm');
    const r = await validateXML({
      xml: [{ fileName: 'report.xml', contents: xml }],
      schema: [{ fileName: 'goAMLSchema.xsd', contents: readFileSync(schemaPath) }],
    });
    return r.valid ? { valid: true } : { valid: false, errors: r.errors.map((e) => e.rawMessage) };
  };
}
