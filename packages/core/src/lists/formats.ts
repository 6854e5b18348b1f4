/** The registry of format parsers, in detection order (the most specific first). Each format adds one line. */

import type { FormatParser } from './list-format.js';
import { ofacCsvParser, ofacXmlParser } from './ofac/index.js';
import { euXmlParser } from './eu/eu-xml-parser.js';
import { ukCsvParser } from './uk/uk-csv-parser.js';
import { unXmlParser } from './un/un-xml-parser.js';
import { senzingJsonParser } from './senzing/index.js';
import { ftmJsonParser } from './ftm/index.js';
import { argusCsvParser } from './agency/index.js';

export const FORMAT_PARSERS: readonly FormatParser[] = [
  ofacXmlParser,
  ofacCsvParser,
  unXmlParser,
  euXmlParser,
  ukCsvParser,
  senzingJsonParser,
  ftmJsonParser,
  argusCsvParser,
];
