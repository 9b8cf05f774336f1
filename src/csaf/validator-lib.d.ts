// @secvisogram/csaf-validator-lib ships JavaScript without declarations; these cover the parts src/csaf uses.
// Each test returns its own errors/warnings/infos; validate() collects them per test (see csaf.md §2.6).
declare module "@secvisogram/csaf-validator-lib/validateStrict.js" {
  export interface TestMessage {
    instancePath: string;
    message: string;
  }
  export interface TestResult {
    name: string;
    isValid: boolean;
    errors: TestMessage[];
    warnings: TestMessage[];
    infos: TestMessage[];
  }
  export type DocumentTest = (doc: unknown) => unknown;
  export default function validateStrict(tests: DocumentTest[], doc: unknown): Promise<{ isValid: boolean; tests: TestResult[] }>;
}

// validate.js is the same runner without strict mode's check that every test comes from the library, a check
// that imports the informative tests (6.3.x) and costs ~7 s of schema compiling for tests Keikoku never runs.
declare module "@secvisogram/csaf-validator-lib/validate.js" {
  export default function validate(
    tests: import("@secvisogram/csaf-validator-lib/validateStrict.js").DocumentTest[],
    doc: unknown,
  ): Promise<{ isValid: boolean; tests: import("@secvisogram/csaf-validator-lib/validateStrict.js").TestResult[] }>;
}

// basic.js / extended.js export one function per test (csaf_2_0_strict, mandatoryTest_6_1_1, …, optionalTest_6_2_20);
// callers take Object.values() of the namespace.
declare module "@secvisogram/csaf-validator-lib/basic.js" {
  export const csaf_2_0_strict: import("@secvisogram/csaf-validator-lib/validateStrict.js").DocumentTest;
}

declare module "@secvisogram/csaf-validator-lib/extended.js" {
  export const csaf_2_0_strict: import("@secvisogram/csaf-validator-lib/validateStrict.js").DocumentTest;
}

declare module "@secvisogram/csaf-validator-lib/lib/schemaTests/csaf_2_0/schema.js" {
  const schema: Record<string, unknown>;
  export default schema;
}

declare module "@secvisogram/csaf-validator-lib/schemas/cvss-v2.0.js" {
  const schema: Record<string, unknown>;
  export default schema;
}
declare module "@secvisogram/csaf-validator-lib/schemas/cvss-v3.0.js" {
  const schema: Record<string, unknown>;
  export default schema;
}
declare module "@secvisogram/csaf-validator-lib/schemas/cvss-v3.1.js" {
  const schema: Record<string, unknown>;
  export default schema;
}

// FIRST's CVSS v3.0/v3.1 calculators, as the validator's test 6.1.9 uses them (the data layer checks base scores with them).
declare module "@secvisogram/csaf-validator-lib/lib/shared/first.js" {
  export interface CvssResult {
    success: boolean;
    baseMetricScore: string;
    baseSeverity: string;
  }
  export const cvss30: { calculateCVSSFromVector(vector: string): CvssResult };
  export const cvss31: { calculateCVSSFromVector(vector: string): CvssResult };
}

// The CWE list (id and name of every weakness) that test 6.1.11 checks against.
declare module "@secvisogram/csaf-validator-lib/cwe.js" {
  export const weaknesses: readonly { id: string; name: string }[];
}
