/**
 * OpenPGP signatures for the CSAF documents (requirements 19–20 of CSAF 2.0 §7.1; with the hashes of
 * requirement 18 they make the site a csaf_trusted_provider):
 *   <file>.json.asc                          a detached, armored signature over the document's exact bytes
 *   openpgp/<FINGERPRINT>.asc                the public key, listed in provider-metadata.json
 *
 * The key comes from outside the repository: CSAF_OPENPGP_KEY_FILE (an armored private key) and, for a
 * protected key, CSAF_OPENPGP_PASSPHRASE. Without a key file the site is published unsigned and the build
 * says so; with one that cannot sign (unreadable, wrong passphrase, expired, revoked, no signing key), the
 * build fails: an operator who set a key expects every file signed.
 *
 * Signatures keep OpenPGP.js's random salt notation (its protection of EdDSA against fault attacks, which
 * matters here because every build signs every document again), so the .asc files differ from build to
 * build; every other file stays byte-identical. The signature time is SOURCE_DATE_EPOCH when it is set and
 * the key already existed then, else the time of the build.
 */
import { readFileSync } from "node:fs";
import type * as OpenPgp from "openpgp";
import type { CsafConfig } from "./config.ts";

export interface SigningResult {
  /** `<path>.asc` → armored signature; empty when not signing. */
  signatures: Map<string, string>;
  /** The key that made them, to publish: fingerprint (upper-case hex) and armored public key. */
  publicKey?: { fingerprint: string; armored: string };
  /** For the build report. */
  note?: string;
  /** Problems that must fail the build. */
  errors: string[];
}

export type SigningConfig = Pick<CsafConfig, "openpgpKeyFile" | "openpgpPassphrase" | "sourceDateEpoch">;

/** OpenPGP.js is imported only by a build that signs. */
type Pgp = typeof OpenPgp;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/^Error: /, "");

/** The signing key, decrypted, or the reason it cannot be used. */
async function readSigningKey(openpgp: Pgp, config: SigningConfig): Promise<{ key: OpenPgp.PrivateKey } | { error: string }> {
  const file = config.openpgpKeyFile!;
  let armoredKey: string;
  try {
    armoredKey = readFileSync(file, "utf8");
  } catch (error) {
    return { error: `cannot read the OpenPGP key file ${file}: ${message(error)}` };
  }
  let key: OpenPgp.PrivateKey;
  try {
    key = await openpgp.readPrivateKey({ armoredKey });
  } catch (error) {
    return { error: `${file} is not an armored OpenPGP private key (${message(error)}); export one with gpg --export-secret-keys --armor <id>` };
  }
  if (!key.isDecrypted()) {
    if (!config.openpgpPassphrase) return { error: `the OpenPGP key in ${file} is protected by a passphrase: set CSAF_OPENPGP_PASSPHRASE` };
    try {
      key = await openpgp.decryptKey({ privateKey: key, passphrase: config.openpgpPassphrase });
    } catch (error) {
      return { error: `cannot unlock the OpenPGP key in ${file} with CSAF_OPENPGP_PASSPHRASE: ${message(error)}` };
    }
  }
  try {
    await key.getSigningKey(undefined, signatureDate(config, key));
  } catch (error) {
    return { error: `the OpenPGP key in ${file} (${key.getFingerprint().toUpperCase()}) cannot sign: ${message(error)}` };
  }
  return { key };
}

/** SOURCE_DATE_EPOCH when set and not before the key existed (a signature cannot predate its key). */
function signatureDate(config: SigningConfig, key: OpenPgp.PrivateKey): Date | undefined {
  if (config.sourceDateEpoch === undefined) return undefined;
  const date = new Date(config.sourceDateEpoch * 1000);
  return date >= key.getCreationTime() ? date : undefined;
}

/** Signs every document (path → exact JSON text as published). */
export async function signDocuments(config: SigningConfig, documents: Map<string, string>): Promise<SigningResult> {
  if (!config.openpgpKeyFile) {
    return {
      signatures: new Map(),
      note: "OpenPGP signing not configured: documents are published without .asc signatures (needed only for the csaf_trusted_provider role; set CSAF_OPENPGP_KEY_FILE to sign)",
      errors: [],
    };
  }
  const openpgp = await import("openpgp");
  const read = await readSigningKey(openpgp, config);
  if ("error" in read) return { signatures: new Map(), errors: [read.error] };
  const { key } = read;
  const date = signatureDate(config, key);
  const signatures = new Map<string, string>();
  const encoder = new TextEncoder();
  for (const [path, json] of documents) {
    // Binary mode: the signature covers the bytes a consumer downloads, line endings included.
    const signed = await openpgp.sign({
      message: await openpgp.createMessage({ binary: encoder.encode(json) }),
      signingKeys: key,
      detached: true,
      format: "armored",
      ...(date ? { date } : {}),
    });
    signatures.set(path, signed);
  }
  const fingerprint = key.getFingerprint().toUpperCase();
  return {
    signatures,
    publicKey: { fingerprint, armored: key.toPublic().armor() },
    note: `signed ${signatures.size} CSAF documents with OpenPGP key ${fingerprint}`,
    errors: [],
  };
}
