/** UN Security Council consolidated list (XML). */
export * from './un-xml-parser.js';
export * from './un-record.js';
