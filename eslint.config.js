// ESLint (flat config): typescript-eslint's recommended rules, and the layer rule of ARCHITECTURE.md.
// A file under src/ imports its own layer or the layers below it, never one above:
//   cli -> deploy | proxy -> compile -> config -> shared
// The proxy reads only the compiled file, so it imports shared alone (not config or compile); deploy and
// proxy do not import each other; a command (src/cli/commands/X.ts) never imports another command (what
// commands share lives in src/cli/); config and compile do no network or process I/O.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** What each layer (a directory under src/) may import besides itself. */
const MAY_IMPORT = {
  shared: [],
  config: ['shared'],
  compile: ['config', 'shared'],
  deploy: ['compile', 'config', 'shared'],
  proxy: ['shared'],
  cli: ['deploy', 'proxy', 'compile', 'config', 'shared'],
};
const PURE = ['config', 'compile'];
const IO_MODULES = ['node:child_process', 'node:net', 'node:http', 'node:https', 'node:dgram', 'node:tls', 'undici', 'execa', 'ioredis'];
const DEEPEST = 4;

function restrictions(layer, depth, extra = []) {
  const forbidden = Object.keys(MAY_IMPORT).filter((l) => l !== layer && !MAY_IMPORT[layer].includes(l));
  const patterns = [...extra];
  if (forbidden.length > 0) {
    patterns.push({
      regex: `^(\\.\\./){${depth}}(${forbidden.join('|')})/`,
      message: `src/${layer} may import only ${[layer, ...MAY_IMPORT[layer]].join(', ')} (layers: cli -> deploy | proxy -> compile -> config -> shared; see ARCHITECTURE.md)`,
    });
  }
  const paths = PURE.includes(layer) ? IO_MODULES.map((name) => ({ name, message: `src/${layer} does no network or process I/O` })) : [];
  return { 'no-restricted-imports': ['error', { paths, patterns }] };
}

const layerConfigs = Object.keys(MAY_IMPORT).flatMap((layer) =>
  Array.from({ length: DEEPEST }, (_, i) => ({ files: [`src/${layer}/${'*/'.repeat(i)}*.ts`], rules: restrictions(layer, i + 1) })),
);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // The status page's script runs in the browser.
  { files: ['ui/**/*.js'], languageOptions: { globals: globals.browser } },
  ...layerConfigs,
  // Size guard rails (the house rule): no file in src/ over 400 lines, no function over 80, counting code
  // only (blank lines and comments are free).
  {
    files: ['src/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  // Known exceptions, being split this session (issue 12.1 and 12.2); remove each line when its split lands.
  {
    files: [
      'src/proxy/providers/gemini.ts', // 563 lines
      'src/proxy/providers/anthropic.ts', // 472 lines; handle() 100
      'src/config/normalize.ts', // 462 lines; normalizeMappings() 182
    ],
    rules: { 'max-lines': 'off', 'max-lines-per-function': 'off' },
  },
  {
    files: ['src/cli/commands/*.ts'],
    // Known exceptions, to be moved: backups and rollback share apply.ts's deploy flags and transaction
    // runner (deployCandidate); they belong in a src/cli/ module of their own.
    ignores: ['src/cli/commands/backups.ts', 'src/cli/commands/rollback.ts'],
    rules: restrictions('cli', 2, [{ regex: '^\\./', message: 'a command does not import another command: move what they share to src/cli/' }]),
  },
);
