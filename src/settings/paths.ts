/** Where Keikoku's own files are (layouts/, public/, node_modules/), wherever a build is started from. */
import { join } from "node:path";

export const KEIKOKU_ROOT = join(import.meta.dirname, "../..");
