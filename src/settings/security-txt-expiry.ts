/**
 * When security.txt may be published. Its `Expires` (RFC 9116) comes from the site's settings only
 * (`csaf.securityTxtExpires` in site.yaml, or CSAF_SECURITY_TXT_EXPIRES): a date derived from the content would
 * be in the past for an archive (the bundled 2004 site's would be 2005-05-08), and a date derived from the build
 * day would make two builds of the same content differ.
 *
 *   undefined                      → not published; a note says how to publish it
 *   already past at `now`          → a problem: the build would publish an expired file
 *   more than a year after `now`   → published, with a note (RFC 9116 recommends less than a year)
 *   otherwise                      → published, nothing to say
 */
import type { ContentProblem, Notice } from "../data/problems.ts";

/** RFC 9116 §2.5.5: "it is RECOMMENDED that the value of this field be less than a year into the future". */
export const SECURITY_TXT_MAX_DAYS = 365;

const DAY_MS = 86_400_000;

export interface ExpiryVerdict {
  /** Why the build must not publish this date (the settings are invalid). */
  problem?: Pick<ContentProblem, "code" | "params" | "hint">;
  /** A note for the report. */
  notice?: Notice;
}

/** `name` is how the author wrote it: `csaf.securityTxtExpires` in site.yaml, or the environment variable. */
export function securityTxtExpiry(expires: string | undefined, now: Date, name = "csaf.securityTxtExpires"): ExpiryVerdict {
  if (expires === undefined) {
    return { notice: { code: "security-txt.unpublished", params: {} } };
  }
  const at = Date.parse(expires);
  const day = new Date(at).toISOString().slice(0, 10);
  const suggestion = new Date(now.getTime() + (SECURITY_TXT_MAX_DAYS - 30) * DAY_MS).toISOString().slice(0, 10);
  if (at <= now.getTime()) {
    return { problem: { code: "security-txt.expired", params: { day, suggestion }, hint: "security-txt.renew" } };
  }
  if (at - now.getTime() > SECURITY_TXT_MAX_DAYS * DAY_MS) {
    return { notice: { code: "security-txt.far-ahead", params: { name, day } } };
  }
  return {};
}
