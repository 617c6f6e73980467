// Where the package's own files are (schemas/, ui/, bin/, package.json), from the code that runs. Every
// form of that code sits two directories under the package root: src/shared/ (tests), dist/shared/ (the
// tsc build) and dist/bundle/ (the bundled CLI, scripts/bundle.mjs), so one relative URL serves all three.
// Code elsewhere asks here instead of counting `../` from its own depth (which a bundle would break).
import { fileURLToPath } from 'node:url';

const PACKAGE_ROOT = new URL('../../', import.meta.url);

/** The URL of a file in the package, by its path from the package root (`schemas/providers.schema.json`). */
export function packageUrl(path: string): URL {
  return new URL(path, PACKAGE_ROOT);
}

/** The same as a file-system path. */
export function packagePath(path: string): string {
  return fileURLToPath(packageUrl(path));
}
