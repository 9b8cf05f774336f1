/** zod enums of the vocabularies, for the published API schema; products are the site's own. */
import { z } from "zod";
import { KINDS, SEVERITY_IDS, type Kind } from "../data/vocabulary.ts";

/** The site's product ids as an enum (any string for a site without products). */
export const productIdEnum = (ids: readonly string[]): z.ZodType<string> => (ids.length ? z.enum(ids as [string, ...string[]]) : z.string());
export const SeverityId = z.enum(SEVERITY_IDS);
export const KINDS_ENUM = z.enum(Object.keys(KINDS) as [Kind, ...Kind[]]);
