/** An agency's own list as CSV with documented columns ('argus-csv'). */
export { argusCsvParser } from './agency-csv-parser.js';
export { AGENCY_COLUMNS } from './agency-row.js';
