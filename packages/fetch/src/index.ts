/** @argus/fetch: the ListFetcher adapter over HTTP. */
export { HttpListFetcher, type HttpListFetcherOptions } from './http-list-fetcher.js';
export { fileSource } from './file-source.js';
