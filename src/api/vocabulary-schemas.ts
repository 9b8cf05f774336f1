/** zod enums of the vocabularies, for the published API schema. */
import { z } from "zod";
import { KINDS, PRODUCT_IDS, SEVERITY_IDS, type Kind } from "../data/vocabulary.ts";

export const ProductId = z.enum(PRODUCT_IDS);
export const SeverityId = z.enum(SEVERITY_IDS);
export const KINDS_ENUM = z.enum(Object.keys(KINDS) as [Kind, ...Kind[]]);
