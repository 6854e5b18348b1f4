/** EU financial sanctions (FSF) XML export. */
export * from './eu-xml-parser.js';
export * from './eu-record.js';
