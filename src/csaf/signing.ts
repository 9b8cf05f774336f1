/**
 * OpenPGP signatures (`<file>.json.asc`, CSAF requirements 19–20, needed only for a *trusted* provider).
 * Not implemented: the `openpgp` package is not a dependency. Without CSAF_OPENPGP_KEY_FILE the site is published
 * unsigned and the build says so; with it, the build fails rather than publish unsigned files an operator
 * expected to be signed.
 */
import type { CsafConfig } from "./config.ts";

export interface SigningResult {
  /** `<path>.asc` → armored signature; empty when not signing. */
  signatures: Map<string, string>;
  /** For the build report. */
  note?: string;
  /** Problems that must fail the build. */
  errors: string[];
}

export function signDocuments(config: Pick<CsafConfig, "openpgpKeyFile">, _documents: Map<string, string>): SigningResult {
  if (!config.openpgpKeyFile) {
    return {
      signatures: new Map(),
      note: "OpenPGP signing not configured: documents are published without .asc signatures (needed only for the csaf_trusted_provider role; set CSAF_OPENPGP_KEY_FILE once signing is implemented)",
      errors: [],
    };
  }
  return {
    signatures: new Map(),
    errors: [
      `CSAF_OPENPGP_KEY_FILE is set (${config.openpgpKeyFile}), but Keikoku cannot sign CSAF documents yet: the openpgp package is not installed and src/csaf/signing.ts has no signer — unset CSAF_OPENPGP_KEY_FILE to publish unsigned documents, or add openpgp and implement signing`,
    ],
  };
}
