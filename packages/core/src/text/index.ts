/** Text plumbing shared by every parser: byte sources, decoding, CSV. */
export * from './byte-source.js';
export * from './decode.js';
export * from './csv.js';
export * from './xml-reader.js';
export * from './xml-records.js';
export * from './peek-bytes.js';
