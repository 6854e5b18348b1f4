/** @argus/core/goaml: goAML 5.0.1 STR/SAR builder, FIU configuration and XML escaping (pure). */
export * from './case-report.js';
export * from './goaml-config.js';
export * from './goaml-report.js';
export * from './xml-writer.js';
