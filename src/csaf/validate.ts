/**
 * Validation, offline: every CSAF document against @secvisogram/csaf-validator-lib's mandatory tests (6.1.x,
 * with the strict schema) and optional tests (6.2.x) — never the informative ones (6.3.x), which fetch URLs —
 * and provider-metadata.json against the provider schema (provider-json-schema.json, written from the
 * standard's required fields; see that file's $comment).
 * Errors fail the build; warnings are returned for the build report.
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { TestResult } from "@secvisogram/csaf-validator-lib/validateStrict.js";

export interface CsafProblem {
  severity: "error" | "warning";
  /** The content file the document was made from, or the generated file (provider-metadata.json). */
  file: string;
  /** The generated file, relative to the output folder. */
  output: string;
  /** The validator's test: `mandatoryTest_6_1_16`, `csaf_2_0_strict`, `provider_json_schema`. */
  test: string;
  /** The JSON pointer of the offending value: `/document/tracking/version`. */
  path: string;
  message: string;
}

/** CSAF 2.0 §6 test titles, for readable reports. */
export const TEST_TITLES: Record<string, string> = {
  "6.1.1": "Missing Definition of Product ID", "6.1.2": "Multiple Definition of Product ID", "6.1.3": "Circular Definition of Product ID",
  "6.1.4": "Missing Definition of Product Group ID", "6.1.5": "Multiple Definition of Product Group ID", "6.1.6": "Contradicting Product Status",
  "6.1.7": "Multiple Scores with same Version per Product", "6.1.8": "Invalid CVSS", "6.1.9": "Invalid CVSS computation", "6.1.10": "Inconsistent CVSS",
  "6.1.11": "CWE", "6.1.12": "Language", "6.1.13": "PURL", "6.1.14": "Sorted Revision History", "6.1.15": "Translator",
  "6.1.16": "Latest Document Version", "6.1.17": "Document Status Draft", "6.1.18": "Released Revision History",
  "6.1.19": "Revision History Entries for Pre-release Versions", "6.1.20": "Non-draft Document Version", "6.1.21": "Missing Item in Revision History",
  "6.1.22": "Multiple Definition in Revision History", "6.1.23": "Multiple Use of Same CVE", "6.1.24": "Multiple Definition in Involvements",
  "6.1.25": "Multiple Use of Same Hash Algorithm", "6.1.26": "Prohibited Document Category Name",
  "6.1.27.1": "Document Notes", "6.1.27.2": "Document References", "6.1.27.3": "Vulnerabilities", "6.1.27.4": "Product Tree",
  "6.1.27.5": "Vulnerability Notes", "6.1.27.6": "Product Status", "6.1.27.7": "VEX Product Status", "6.1.27.8": "Vulnerability ID",
  "6.1.27.9": "Impact Statement", "6.1.27.10": "Action Statement", "6.1.27.11": "Vulnerabilities",
  "6.1.28": "Translation", "6.1.29": "Remediation without Product Reference", "6.1.30": "Mixed Integer and Semantic Versioning",
  "6.1.31": "Version Range in Product Version", "6.1.32": "Flag without Product Reference", "6.1.33": "Multiple Flags with VEX Justification Codes per Product",
  "6.2.1": "Unused Definition of Product ID", "6.2.2": "Missing Remediation", "6.2.3": "Missing Score", "6.2.4": "Build Metadata in Revision History",
  "6.2.5": "Older Initial Release Date than Revision History", "6.2.6": "Older Current Release Date than Revision History",
  "6.2.7": "Missing Date in Involvements", "6.2.8": "Use of MD5 as the only Hash Algorithm", "6.2.9": "Use of SHA-1 as the only Hash Algorithm",
  "6.2.10": "Missing TLP label", "6.2.11": "Missing Canonical URL", "6.2.12": "Missing Document Language", "6.2.13": "Sorting",
  "6.2.14": "Use of Private Language", "6.2.15": "Use of Default Language", "6.2.16": "Missing Product Identification Helper",
  "6.2.17": "CVE in field IDs", "6.2.18": "Product Version Range without vers", "6.2.19": "CVSS for Fixed Products", "6.2.20": "Additional Properties",
};

/** `mandatoryTest_6_1_27_2` → `6.1.27.2`; schema tests keep their name. */
export function testSection(test: string): string | undefined {
  const m = /^(?:mandatory|optional|informative)Test_(\d+(?:_\d+)+)$/.exec(test);
  return m ? m[1]!.replaceAll("_", ".") : undefined;
}

/** `mandatoryTest_6_1_16 (6.1.16 Latest Document Version)`. */
export function describeTest(test: string): string {
  const section = testSection(test);
  if (section) return `${test} (${section}${TEST_TITLES[section] ? ` ${TEST_TITLES[section]}` : ""})`;
  if (test === "csaf_2_0_strict") return `${test} (CSAF 2.0 JSON schema, strict)`;
  return test;
}

/**
 * Warnings that Keikoku's data cannot avoid, with the reason. The build counts them (`--verbose` lists them
 * with the reason); any other warning is printed with the file at fault, as something to fix
 * (src/site/build-report.ts).
 */
export const UNAVOIDABLE_WARNINGS: Record<string, string> = {
  // 2004 bulletins carry no CVSS score, and NVD's later CVSS v2 scores are not verified for this content.
  "6.2.3": "no CVSS score: Microsoft's 2004 bulletins rated severity only, and no verified score is in the data",
  // No CPE/PURL is verified for Windows 2000 SP2 and the like, and inventing identifiers would mislead matching.
  "6.2.16": "no product identification helper: no verified CPE or PURL for these 2004 products is in the data",
};

/** `file: output: test at path: message`, one line. */
export function formatCsafProblem(p: CsafProblem): string {
  return `${p.file}: ${p.output}: ${describeTest(p.test)} at ${p.path || "/"}: ${p.message}`;
}

/** A problem with the operator's settings (the signing key), not with a document. */
const isSetting = (p: CsafProblem) => p.test === "keikoku_signing";

export class CsafValidationError extends Error {
  constructor(readonly problems: CsafProblem[]) {
    const settings = problems.filter(isSetting);
    const documents = problems.filter((p) => !isSetting(p));
    const files = new Set(documents.map((p) => p.file)).size;
    const where = [
      documents.length ? `in ${files} ${files === 1 ? "document" : "documents"}` : "",
      settings.length ? `in the signing settings` : "",
    ].filter(Boolean).join(" and ");
    super(
      [
        ...settings.map((p) => `${p.file}: ${p.message}`),
        ...documents.map(formatCsafProblem),
        `✖ ${problems.length} CSAF ${problems.length === 1 ? "error" : "errors"} ${where}; nothing was published.`,
        ...(documents.length
          ? [
              "  The documents are generated from the content files named above: check the fields at those JSON paths",
              "  (src/csaf/document.ts shows where each comes from). If the content is right, this is a bug in src/csaf.",
            ]
          : []),
      ].join("\n"),
    );
    this.name = "CsafValidationError";
  }
}

type DocumentTest = (doc: unknown) => unknown;
let tests: Promise<{ validate: (tests: DocumentTest[], doc: unknown) => Promise<{ isValid: boolean; tests: TestResult[] }>; extended: DocumentTest[] }> | undefined;

/**
 * Loads the validator once per process. The import itself takes seconds (it compiles its schemas with ajv
 * at load time), so it is deferred until the first document is validated and then shared.
 */
export function loadValidator(): NonNullable<typeof tests> {
  tests ??= (async () => {
    const [{ default: validate }, extended] = await Promise.all([
      // Not validateStrict.js: its guard imports the informative tests too (see validator-lib.d.ts); every test
      // passed here comes from the library's extended.js all the same.
      import("@secvisogram/csaf-validator-lib/validate.js"),
      import("@secvisogram/csaf-validator-lib/extended.js"),
    ]);
    // extended = the strict schema + the mandatory tests (basic) + the optional tests.
    const all = Object.values(extended as unknown as Record<string, DocumentTest>);
    return { validate, extended: all.map((test) => (test.name === "optionalTest_6_2_14" ? oncePerLanguagePair(test) : test)) };
  })();
  return tests;
}

/**
 * Test 6.2.14 (Use of Private Language) reads only /document/lang and /document/source_lang, and the library
 * checks each tag against the whole language registry: 2.5 ms a document, a quarter of all validation time
 * (profiled at 2,000 documents). Its result is therefore computed once per pair of tags: the same answer,
 * under the same test name, for a handful of pairs instead of every document.
 */
function oncePerLanguagePair(test: DocumentTest): DocumentTest {
  const results = new Map<string, unknown>();
  const wrapped = {
    [test.name]: (doc: unknown) => {
      const { lang, source_lang } = ((doc as { document?: { lang?: unknown; source_lang?: unknown } } | undefined)?.document ?? {});
      const key = JSON.stringify([lang, source_lang]);
      if (!results.has(key)) results.set(key, test({ document: { lang, source_lang } }));
      return results.get(key);
    },
  };
  return wrapped[test.name]!;
}

/** A finding before it is tied to a file. */
export type Finding = Pick<CsafProblem, "severity" | "test" | "path" | "message">;

/** Validates one document with the mandatory and optional tests. */
export async function validateDocument(document: unknown): Promise<Finding[]> {
  const { validate, extended } = await loadValidator();
  const result = await validate(extended, document);
  const findings: Finding[] = [];
  for (const test of result.tests) {
    for (const e of test.errors) findings.push({ severity: "error", test: test.name, path: e.instancePath, message: e.message });
    for (const w of test.warnings) findings.push({ severity: "warning", test: test.name, path: w.instancePath, message: w.message });
  }
  return findings;
}

let providerValidator: Promise<(data: unknown) => { instancePath: string; message?: string }[]> | undefined;

/** The provider schema (a data file next to this module). */
export const PROVIDER_SCHEMA_TEXT = readFileSync(new URL("./provider-json-schema.json", import.meta.url), "utf8");
const PROVIDER_SCHEMA = JSON.parse(PROVIDER_SCHEMA_TEXT) as Record<string, unknown>;

/**
 * provider-metadata.json against the provider schema. Its `publisher` is a $ref into the CSAF schema, which
 * comes from the validator library (with the three FIRST CVSS schemas it references, so nothing is fetched).
 */
export async function validateProviderMetadata(data: unknown): Promise<Finding[]> {
  providerValidator ??= (async () => {
    const [csaf, cvss20, cvss30, cvss31] = await Promise.all([
      import("@secvisogram/csaf-validator-lib/lib/schemaTests/csaf_2_0/schema.js"),
      import("@secvisogram/csaf-validator-lib/schemas/cvss-v2.0.js"),
      import("@secvisogram/csaf-validator-lib/schemas/cvss-v3.0.js"),
      import("@secvisogram/csaf-validator-lib/schemas/cvss-v3.1.js"),
    ]);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    // ajv-formats is CommonJS: its function is the default export's `default`.
    addFormats.default(ajv);
    ajv.addSchema(cvss20.default, "https://www.first.org/cvss/cvss-v2.0.json");
    ajv.addSchema(cvss30.default, "https://www.first.org/cvss/cvss-v3.0.json");
    ajv.addSchema(cvss31.default, "https://www.first.org/cvss/cvss-v3.1.json");
    ajv.addSchema(csaf.default);
    const validate = ajv.compile(PROVIDER_SCHEMA);
    return (value: unknown) => (validate(value) ? [] : (validate.errors ?? []).map((e: { instancePath: string; message?: string }) => ({ instancePath: e.instancePath, message: e.message })));
  })();
  const check = await providerValidator;
  return check(data).map((e) => ({
    severity: "error" as const,
    test: "provider_json_schema",
    path: e.instancePath,
    message: e.message ?? "does not match the provider schema",
  }));
}
