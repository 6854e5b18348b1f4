/** UK HM Treasury / OFSI consolidated list (ConList CSV). */
export * from './uk-csv-parser.js';
export * from './uk-row.js';
