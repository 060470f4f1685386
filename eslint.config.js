import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly' },
    },
  },
  {
    // The bin is CommonJS for start-up speed (docs/performance.md).
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        setTimeout: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The CLI writes through its CliIo, so that tests can capture everything it prints.
    files: ['src/**'],
    rules: { 'no-console': 'error' },
  },
  ...pureLayers(),
);

/**
 * Only the CLI shell may touch the process and the disk; the core, the renderers and the web
 * page run in a browser too, so they use nothing of Node's. Inside the core, imports run one
 * way: progress -> plan -> rule-set -> dates and text (see ARCHITECTURE.md).
 */
function pureLayers() {
  const node = ['node:*', 'fs', 'path', 'os', 'crypto', 'chalk', '**/io/*', '**/cli/*'];
  const above = {
    text: ['dates', 'rule-set', 'plan', 'progress'],
    dates: ['rule-set', 'plan', 'progress'],
    'rule-set': ['plan', 'progress'],
    plan: ['progress'],
    progress: [],
  };
  const globals = ['error', 'process', 'Buffer', 'global', 'require', '__dirname', '__filename', 'setImmediate'];
  return [
    {
      files: ['src/render/**', 'src/web/**', 'src/errors.ts'],
      rules: { 'no-restricted-globals': globals, 'no-restricted-imports': ['error', { patterns: node }] },
    },
    ...Object.entries(above).map(([layer, higher]) => ({
      files: [`src/core/${layer}/**`],
      rules: {
        'no-restricted-globals': globals,
        'no-restricted-imports': ['error', { patterns: [...node, ...higher.map((h) => `../${h}/*`)] }],
      },
    })),
  ];
}
