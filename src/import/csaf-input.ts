/**
 * The parts of a CSAF 2.0 document the import reads, as TypeScript types. A document reaches the mapping only
 * after @secvisogram/csaf-validator-lib found it valid (read-document.ts), so these types describe valid
 * documents; optional fields are optional in the standard too. Field names are the standard's (snake_case).
 */

export interface InputNote {
  category: "description" | "details" | "faq" | "general" | "legal_disclaimer" | "other" | "summary";
  text: string;
  title?: string;
  audience?: string;
}

export interface InputReference {
  category?: "external" | "self";
  summary: string;
  url: string;
}

export interface InputProduct {
  name: string;
  product_id: string;
  product_identification_helper?: { cpe?: string; purl?: string; [key: string]: unknown };
}

export interface InputBranch {
  category: string;
  name: string;
  branches?: InputBranch[];
  product?: InputProduct;
}

export interface InputRelationship {
  category: string;
  full_product_name: InputProduct;
  product_reference: string;
  relates_to_product_reference: string;
}

export interface InputProductTree {
  branches?: InputBranch[];
  full_product_names?: InputProduct[];
  product_groups?: { group_id: string; product_ids: string[]; summary?: string }[];
  relationships?: InputRelationship[];
}

export type InputStatusCategory =
  | "first_affected" | "first_fixed" | "fixed" | "known_affected" | "known_not_affected" | "last_affected" | "recommended" | "under_investigation";

export interface InputRemediation {
  category: "mitigation" | "no_fix_planned" | "none_available" | "vendor_fix" | "workaround";
  details: string;
  date?: string;
  group_ids?: string[];
  product_ids?: string[];
  url?: string;
}

export interface InputScore {
  products: string[];
  cvss_v2?: { vectorString: string; baseScore: number; version: string };
  cvss_v3?: { vectorString: string; baseScore: number; version: string };
}

export interface InputThreat {
  category: "exploit_status" | "impact" | "target_set";
  details: string;
  date?: string;
  group_ids?: string[];
  product_ids?: string[];
}

export interface InputAcknowledgment {
  names?: string[];
  organization?: string;
  summary?: string;
  urls?: string[];
}

export interface InputVulnerability {
  acknowledgments?: InputAcknowledgment[];
  flags?: { label: string; product_ids?: string[]; group_ids?: string[] }[];
  involvements?: { party: string; status: string; summary?: string }[];
  cve?: string;
  cwe?: { id: string; name: string };
  ids?: { system_name: string; text: string }[];
  notes?: InputNote[];
  product_status?: Partial<Record<InputStatusCategory, string[]>>;
  references?: InputReference[];
  remediations?: InputRemediation[];
  scores?: InputScore[];
  threats?: InputThreat[];
  title?: string;
}

export interface InputDocument {
  document: {
    acknowledgments?: InputAcknowledgment[];
    aggregate_severity?: { text: string; namespace?: string };
    category: string;
    csaf_version: "2.0";
    lang?: string;
    source_lang?: string;
    notes?: InputNote[];
    publisher: { category: string; name: string; namespace: string };
    references?: InputReference[];
    title: string;
    tracking: {
      current_release_date: string;
      generator?: { engine: { name: string; version?: string }; date?: string };
      id: string;
      initial_release_date: string;
      revision_history: { date: string; number: string; summary: string }[];
      status: "draft" | "final" | "interim";
      version: string;
    };
  };
  product_tree?: InputProductTree;
  vulnerabilities?: InputVulnerability[];
}
