/** @argus/fetch: the ListFetcher adapter over HTTP. */
export {};
