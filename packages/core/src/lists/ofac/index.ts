/** OFAC list formats: the SDN / non-SDN CSV files and sets, and the sdnList XML. */

export { OFAC_AUTHORITY, ofacCsvParser } from './ofac-csv-parser.js';
export { type OfacCsvRole, assignOfacRoles, ofacCsvRole } from './ofac-csv-roles.js';
export { ofacBirthDate, ofacDate } from './ofac-dates.js';
export { ofacSchema, splitPersonName, splitPrograms } from './ofac-names.js';
export { applyFragment, applyRemarks, remarkFragments } from './ofac-remarks.js';
export { ofacXmlParser } from './ofac-xml-parser.js';
