/** A stable content fingerprint of a report's text (FNV-1a over the text, twice with different seeds). */

import { shortHash } from '@argus/core/incidents';

export function checksumText(text: string): string {
  return `${shortHash(text)}${shortHash(`\u0001${text}`)}`;
}
