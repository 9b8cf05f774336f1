/**
 * The part of CSAF 2.0 that Keikoku emits, as TypeScript types (the full JSON schema is in
 * @secvisogram/csaf-validator-lib and checks every document at build time; see validate.ts).
 * Field names are the standard's, hence snake_case.
 */

export type TlpLabel = "WHITE" | "GREEN" | "AMBER" | "RED";
export type DocumentCategory = "csaf_security_advisory" | "csaf_security_incident_response" | "csaf_informational_advisory";
export type NoteCategory = "description" | "details" | "faq" | "general" | "legal_disclaimer" | "other" | "summary";
export type PublisherCategory = "coordinator" | "discoverer" | "other" | "translator" | "user" | "vendor";
export type BranchCategory = "vendor" | "product_family" | "product_name" | "product_version" | "service_pack";
export type RemediationCategory = "mitigation" | "no_fix_planned" | "none_available" | "vendor_fix" | "workaround";

export interface Note {
  category: NoteCategory;
  text: string;
  title?: string;
}

export interface Reference {
  category: "external" | "self";
  summary: string;
  url: string;
}

export interface Publisher {
  category: PublisherCategory;
  name: string;
  namespace: string;
  /** How to reach the publisher (the site's contacts' URIs). */
  contact_details?: string;
}

export interface Revision {
  date: string;
  number: string;
  summary: string;
}

export interface CsafDocumentMeta {
  aggregate_severity?: { text: string };
  category: DocumentCategory;
  csaf_version: "2.0";
  distribution: { tlp: { label: TlpLabel; url: string } };
  lang: string;
  notes: Note[];
  publisher: Publisher;
  references: Reference[];
  source_lang?: string;
  title: string;
  tracking: {
    current_release_date: string;
    generator: { date: string; engine: { name: string; version: string } };
    id: string;
    initial_release_date: string;
    revision_history: Revision[];
    status: "final";
    version: string;
  };
}

export interface FullProductName {
  name: string;
  product_id: string;
}

export interface Branch {
  category: BranchCategory;
  name: string;
  branches?: Branch[];
  product?: FullProductName;
}

export interface ProductTree {
  branches: Branch[];
}

export type ProductStatusCategory =
  | "first_affected" | "first_fixed" | "fixed" | "known_affected" | "known_not_affected" | "last_affected" | "recommended" | "under_investigation";

export type ProductStatus = Partial<Record<ProductStatusCategory, string[]>>;

export interface Remediation {
  category: RemediationCategory;
  date?: string;
  details: string;
  product_ids: string[];
  url?: string;
}

export interface Score {
  cvss_v2?: { baseScore: number; vectorString: string; version: "2.0" };
  cvss_v3?: { baseScore: number; baseSeverity: "NONE" | "LOW" | "MEDIUM" | "HIGH" | "CRITICAL"; vectorString: string; version: "3.0" | "3.1" };
  products: string[];
}

export interface Threat {
  category: "impact" | "exploit_status" | "target_set";
  details: string;
  product_ids: string[];
}

export interface Vulnerability {
  cve?: string;
  cwe?: { id: string; name: string };
  ids?: { system_name: string; text: string }[];
  notes?: Note[];
  product_status?: ProductStatus;
  references?: Reference[];
  remediations?: Remediation[];
  scores?: Score[];
  threats?: Threat[];
  title?: string;
}

export interface CsafDocument {
  document: CsafDocumentMeta;
  product_tree?: ProductTree;
  vulnerabilities?: Vulnerability[];
}

/** provider-metadata.json (CSAF 2.0 §7.1.7); checked against provider-json-schema.json. */
export interface ProviderMetadata {
  canonical_url: string;
  distributions: ({ directory_url: string } | { rolie: { categories?: string[]; feeds: { summary: string; tlp_label: TlpLabel | "UNLABELED"; url: string }[]; services?: string[] } })[];
  last_updated: string;
  list_on_CSAF_aggregators: boolean;
  metadata_version: "2.0";
  mirror_on_CSAF_aggregators: boolean;
  public_openpgp_keys?: { fingerprint?: string; url: string }[];
  publisher: Publisher;
  role: "csaf_publisher" | "csaf_provider" | "csaf_trusted_provider";
}
