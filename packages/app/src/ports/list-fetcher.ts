/** The ListFetcher port: downloads one publisher file, conditionally, into something re-readable. */

import type { ByteSource } from '@argus/core/text';

export interface FetchRequest {
  readonly url: string;
  /** The validators of the last download; when given, the request is conditional. */
  readonly etag?: string;
  readonly lastModified?: string;
  /** The name the bytes get (parsers recognise files of a set by name); the URL's last segment by default. */
  readonly name?: string;
  readonly signal?: AbortSignal;
}

export type FetchResult =
  | { readonly status: 'not-modified'; readonly url: string }
  | {
      readonly status: 'fetched';
      readonly url: string;
      /** The complete, verified body (re-openable: read as often as needed until `dispose`). */
      readonly file: ByteSource;
      readonly size: number;
      /** SHA-256 (hex) of the body. */
      readonly checksum: string;
      readonly etag?: string;
      readonly lastModified?: string;
      /** Frees what holds the body (a temporary file). */
      dispose(): Promise<void>;
    };

/**
 * Downloads publisher files. A failed, refused, timed-out or truncated download raises
 * ArgusError LIST_FETCH_FAILED naming the URL and the reason; it never returns partial bytes.
 */
export interface ListFetcher {
  fetch(request: FetchRequest): Promise<FetchResult>;
}
