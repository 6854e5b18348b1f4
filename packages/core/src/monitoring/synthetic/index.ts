/** The synthetic laundering stream: background traffic with the eight AMLworld/AMLSim patterns injected and labelled. */
export * from './laundering-patterns.js';
export * from './laundering-stream.js';
