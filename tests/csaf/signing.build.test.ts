/**
 * OpenPGP signing (CSAF requirements 19–20): with CSAF_OPENPGP_KEY_FILE every document gets a detached
 * signature that verifies against the public key the site publishes and lists in provider-metadata.json,
 * and the provider becomes a csaf_trusted_provider. A key that cannot sign fails the build, naming why.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as openpgp from "openpgp";
import { loadSiteOrThrow } from "../../src/data/load-content.ts";
import type { SiteData } from "../../src/data/entries.ts";
import { csafConfigFor } from "../helpers/settings.ts";
import { generateCsaf, type CsafOutput } from "../../src/csaf/generate.ts";
import { makeFixture, type Fixture } from "../helpers/fixtures.ts";

const DIR = ".well-known/csaf";
const PASSPHRASE = "correct horse battery staple";
let fixture: Fixture;
let site: SiteData;
let keyFile: string;
let fingerprint: string;
let signed: CsafOutput;

const env = (extra: Record<string, string>) => ({ SITE_URL: "https://advisories.example.jp", ...extra });
const generate = (extra: Record<string, string>) => generateCsaf(site, csafConfigFor(env(extra)));

before(async () => {
  fixture = makeFixture();
  site = loadSiteOrThrow({ root: fixture.dir, contentDir: fixture.content });
  // Legacy EdDSA, the kind of ed25519 key GnuPG 2.2–2.4 makes (the last test signs with a key GnuPG made).
  const { privateKey } = await openpgp.generateKey({ type: "ecc", curve: "curve25519Legacy", userIDs: [{ name: "Keikoku test", email: "csaf@example.jp" }], passphrase: PASSPHRASE, format: "object" });
  fingerprint = privateKey.getFingerprint().toUpperCase();
  keyFile = join(fixture.dir, "csaf-key.asc");
  writeFileSync(keyFile, privateKey.armor());
  signed = await generate({ CSAF_OPENPGP_KEY_FILE: keyFile, CSAF_OPENPGP_PASSPHRASE: PASSPHRASE });
});

after(() => fixture.cleanup());

test("every document has a detached signature over its exact bytes, made by the published key", async () => {
  assert.deepEqual(signed.errors, []);
  const published = signed.files.get(`${DIR}/openpgp/${fingerprint}.asc`);
  assert.ok(published, "the public key is published under its fingerprint");
  assert.doesNotMatch(published, /PRIVATE KEY/);
  const verificationKeys = await openpgp.readKey({ armoredKey: published });
  assert.ok(signed.documents.length >= 4);
  for (const doc of signed.documents) {
    const armoredSignature = signed.files.get(`${DIR}/${doc.path}.asc`);
    assert.ok(armoredSignature, `no signature for ${doc.path}`);
    const signature = await openpgp.readSignature({ armoredSignature });
    const verify = async (text: string) => {
      const result = await openpgp.verify({ message: await openpgp.createMessage({ binary: new TextEncoder().encode(text) }), signature, verificationKeys });
      return result.signatures[0]!.verified.then(() => true, () => false);
    };
    assert.equal(await verify(signed.files.get(`${DIR}/${doc.path}`)!), true, `${doc.path} verifies`);
    assert.equal(await verify(`${doc.json} `), false, `${doc.path}: one byte more does not verify`);
  }
});

test("provider-metadata.json lists the key, says csaf_trusted_provider, and still validates; the ROLIE feed links each signature", () => {
  const metadata = JSON.parse(signed.files.get(`${DIR}/provider-metadata.json`)!) as { role: string; public_openpgp_keys: { fingerprint: string; url: string }[] };
  assert.equal(metadata.role, "csaf_trusted_provider");
  assert.deepEqual(metadata.public_openpgp_keys, [{ fingerprint, url: `https://advisories.example.jp/${DIR}/openpgp/${fingerprint}.asc` }]);
  // generateCsaf validated it against the provider schema (no errors above); the feed:
  const feed = JSON.parse(signed.files.get(`${DIR}/feed-tlp-white.json`)!) as { feed: { entry: { link: { rel: string; href: string }[] }[] } };
  for (const entry of feed.feed.entry) {
    const self = entry.link.find((l) => l.rel === "self")!.href;
    assert.equal(entry.link.find((l) => l.rel === "signature")?.href, `${self}.asc`);
  }
  assert.ok(signed.notes.some((n) => n.includes(`signed ${signed.documents.length} CSAF documents with OpenPGP key ${fingerprint}`)));
});

test("only the signatures differ between two signed builds; nothing else does", async () => {
  const again = await generate({ CSAF_OPENPGP_KEY_FILE: keyFile, CSAF_OPENPGP_PASSPHRASE: PASSPHRASE });
  const unsignedPart = (out: CsafOutput) => [...out.files].filter(([path]) => !/\.json\.asc$/.test(path));
  assert.deepEqual(unsignedPart(again), unsignedPart(signed));
});

test("a key that cannot sign fails the build with the reason, and nothing is published", async () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ CSAF_OPENPGP_KEY_FILE: keyFile }, /protected by a passphrase: set CSAF_OPENPGP_PASSPHRASE/],
    [{ CSAF_OPENPGP_KEY_FILE: keyFile, CSAF_OPENPGP_PASSPHRASE: "wrong" }, /cannot unlock the OpenPGP key in .*csaf-key\.asc with CSAF_OPENPGP_PASSPHRASE/],
    [{ CSAF_OPENPGP_KEY_FILE: join(fixture.dir, "missing.asc") }, /cannot read the OpenPGP key file .*missing\.asc/],
    [{ CSAF_OPENPGP_KEY_FILE: join(fixture.content, "ja", "pages", "about.md") }, /is not an armored OpenPGP private key/],
  ];
  for (const [extra, reason] of cases) {
    const out = await generate(extra);
    assert.equal(out.files.size, 0, `nothing published for ${JSON.stringify(extra)}`);
    assert.equal(out.errors.length, 1);
    assert.match(out.errors[0]!.message, reason);
  }
});

/** GnuPG, when the machine has it (Debian's gpg): the tool a consumer is most likely to verify with. */
const gpgVersion = spawnSync("gpg", ["--version"], { encoding: "utf8" });
const gpg = gpgVersion.status === 0 ? gpgVersion.stdout.split("\n")[0] : undefined;

test(`a key made by GnuPG signs, and GnuPG verifies with the published key (${gpg ?? "gpg not installed"})`, { skip: gpg ? false : "gpg is not installed" }, async () => {
  const home = (name: string) => mkdtempSync(join(tmpdir(), `keikoku-gpg-${name}-`));
  const signer = home("signer");
  const reader = home("reader");
  const run = (gnupgHome: string, args: string[]) => {
    const result = spawnSync("gpg", ["--batch", "--pinentry-mode", "loopback", ...args], { env: { ...process.env, GNUPGHOME: gnupgHome }, encoding: "utf8" });
    return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
  };
  try {
    assert.ok(run(signer, ["--passphrase", PASSPHRASE, "--quick-gen-key", "Keikoku CSAF <csaf@example.jp>", "ed25519", "sign", "never"]).ok);
    const exported = spawnSync("gpg", ["--batch", "--pinentry-mode", "loopback", "--passphrase", PASSPHRASE, "--export-secret-keys", "--armor", "csaf@example.jp"], { env: { ...process.env, GNUPGHOME: signer }, encoding: "utf8" });
    const gpgKey = join(fixture.dir, "gpg-key.asc");
    writeFileSync(gpgKey, exported.stdout);
    const out = await generate({ CSAF_OPENPGP_KEY_FILE: gpgKey, CSAF_OPENPGP_PASSPHRASE: PASSPHRASE });
    assert.deepEqual(out.errors, []);
    const [keyPath, publishedKey] = [...out.files].find(([path]) => path.startsWith(`${DIR}/openpgp/`))!;
    writeFileSync(join(reader, "published.asc"), publishedKey);
    assert.ok(run(reader, ["--import", join(reader, "published.asc")]).ok, `gpg imports ${keyPath}`);
    const doc = out.documents[0]!;
    writeFileSync(join(reader, "doc.json"), out.files.get(`${DIR}/${doc.path}`)!);
    writeFileSync(join(reader, "doc.json.asc"), out.files.get(`${DIR}/${doc.path}.asc`)!);
    const verified = run(reader, ["--verify", join(reader, "doc.json.asc"), join(reader, "doc.json")]);
    assert.ok(verified.ok, verified.output);
    assert.match(verified.output, /Good signature from "Keikoku CSAF <csaf@example\.jp>"/);
    writeFileSync(join(reader, "doc.json"), `${out.files.get(`${DIR}/${doc.path}`)!} `);
    const tampered = run(reader, ["--verify", join(reader, "doc.json.asc"), join(reader, "doc.json")]);
    assert.equal(tampered.ok, false);
    assert.match(tampered.output, /BAD signature/);
  } finally {
    for (const dir of [signer, reader]) {
      spawnSync("gpgconf", ["--kill", "gpg-agent"], { env: { ...process.env, GNUPGHOME: dir } });
      rmSync(dir, { recursive: true, force: true });
    }
  }
});
