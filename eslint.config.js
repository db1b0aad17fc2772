// Lint: typescript-eslint recommended rules, plus the layering rule that keeps the engine shared.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'test/artifacts/**', 'bot/public/vendor/**', '**/*.as.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['knowledge/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['botbuilder*', 'restify*'], message: 'knowledge/ is the shared engine: no Bot Framework or server imports.' },
            { group: ['node:fs', 'fs', 'node:fs/*', 'fs/*'], message: 'knowledge/ takes Buffers or streams, never paths.' },
          ],
        },
      ],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Configuration is read once, in bot/.' }],
    },
  },
);
