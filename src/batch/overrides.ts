/**
 * Manifest overrides: values set over an edition's own (paper.date, …),
 * applied by the loader to the parsed YAML before validation and never
 * written to the user's files (`parseEdition(source, file, overrides)`,
 * `build({ overrides })`).
 */
export type { EditionOverride } from '../content/load.ts';
