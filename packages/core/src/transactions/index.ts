/** @argus/core/transactions: streaming parsers for every transaction format (bytes in, transactions and located rejections out), rates, and a synthetic load generator. */
export * from './transaction-format.js';
export * from './transaction-fields.js';
export * from './rate-table.js';
export * from './formats.js';
export { ARGUS_CSV_COLUMNS } from './argus-csv.js';
export { AMLWORLD_CURRENCIES } from './amlworld-csv.js';
