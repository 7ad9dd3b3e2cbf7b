import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/.data/**', '**/dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
      },
    },
    rules: {
      // Configuration is read once, in config modules and composition roots: one validated config per part (docs/architecture.md).
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through the validated config module (config.ts / main.ts).',
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // The shared package has no root barrel: import what a file needs from one of its two doors.
    files: ['**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@reglament/shared',
              message: 'Import from @reglament/shared/domain (pure) or @reglament/shared/platform (infrastructure).',
            },
          ],
        },
      ],
    },
  },
  {
    // Domain code loads no infrastructure: only @reglament/shared/domain, pure libraries and its own folder
    // (test/architecture/domain-loads-nothing.test.ts checks what actually gets loaded).
    files: ['services/*/src/domain/**/*.ts', 'services/sla/src/calendar/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@reglament/shared',
              message: 'Domain code imports @reglament/shared/domain only.',
            },
          ],
          patterns: [
            {
              group: [
                '@reglament/shared/*',
                '!@reglament/shared/domain',
                '@reglament/*',
                '!@reglament/shared',
                'typeorm',
                'typeorm/*',
                'nats',
                'pg',
                '@electric-sql/*',
                '@apollo/*',
                'graphql',
                'graphql/*',
                'type-graphql',
                'pino',
                'zod',
                '**/infra/**',
                '**/application/**',
                '**/graphql/**',
                '**/messaging/**',
              ],
              message:
                'Domain code is pure: it imports @reglament/shared/domain, pure libraries and other domain files only.',
            },
          ],
        },
      ],
    },
  },
  {
    // Contracts' use cases call infra/ stores for every query (they pass a transaction's manager
    // along, never query through it), and resolvers call use cases only.
    files: ['services/contracts/src/application/**/*.ts', 'services/*/src/graphql/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@reglament/shared',
              message: 'Import from @reglament/shared/domain (pure) or @reglament/shared/platform (infrastructure).',
            },
            { name: 'typeorm', message: 'Queries live in infra/ stores; call one from here.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression > MemberExpression.callee > MemberExpression.object[property.name='manager']",
          message: 'Queries live in infra/ stores: pass tx.manager to a store method instead of querying through it.',
        },
        {
          selector: "MemberExpression[property.name='dataSource']",
          message: 'Queries live in infra/ stores: use cases and resolvers hold no data source.',
        },
      ],
    },
  },
  {
    // Composition roots, tooling, tests and benchmarks may read the environment.
    files: [
      '**/main.ts',
      'packages/launcher/src/embedded.ts',
      '**/testing/**',
      '**/test/**',
      'test/**',
      '**/bench/**',
      '**/tools/**',
      '*.js',
      '*.mjs',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['*.js', '.ci/**'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
