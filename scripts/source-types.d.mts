// Types of scripts/source-types.mjs, for the drift test that imports it.
export interface GeneratedSourceTypes {
  /** The file it belongs in, relative to the repository. */
  out: string;
  text: string;
}
export declare const SOURCE_TYPES: ReadonlyArray<{ schema: string; out: string; root: string }>;
export declare function generateSourceTypes(
  edit?: (schemaPath: string, json: Record<string, unknown>) => Record<string, unknown>,
): Promise<GeneratedSourceTypes[]>;
