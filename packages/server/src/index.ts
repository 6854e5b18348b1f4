/** @argus/server: the HTTP API and web UI host. */
export {};
