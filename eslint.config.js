import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'bench/baseline/',
			'bench/results/',
			'pocketbase/pb_hooks/lib/gongxue.js',
			'pocketbase/pb_hooks/lib/content.js',
			'pocketbase/pb_data/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node },
			parserOptions: {
				projectService: true,
				tsconfigRootDir: import.meta.dirname,
				extraFileExtensions: ['.svelte']
			}
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: { parser: ts.parser, svelteConfig }
		}
	},
	{
		// The import direction of ../shared/architecture.md: what a person sees goes through state.
		files: ['src/routes/**', 'src/lib/components/**'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					paths: [
						{ name: 'dexie', message: 'Components and routes read storage through $lib/state.' },
						{
							name: 'pocketbase',
							message: 'Components and routes reach the server through $lib/state.'
						},
						{
							name: '$lib/db',
							allowTypeImports: true,
							message: 'Components and routes read storage through $lib/state.'
						},
						{
							name: '$lib/content',
							allowTypeImports: true,
							message:
								'Import the content pack client from $lib/content/pack: the parser (marked, js-yaml) must not ship to every page.'
						}
					]
				}
			]
		}
	},
	{
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			// Links inside the app are plain paths on one origin; resolve() adds nothing here.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// PocketBase's JS engine (goja): CommonJS, its own globals, no TypeScript project.
		files: ['pocketbase/**/*.js', 'bench/pb/*.pb.js'],
		...ts.configs.disableTypeChecked,
		languageOptions: {
			sourceType: 'commonjs',
			parserOptions: { projectService: false },
			globals: {
				...Object.fromEntries(
					[
						'$app',
						'$apis',
						'$os',
						'$security',
						'__hooks',
						'migrate',
						'routerAdd',
						'cronAdd',
						'sleep',
						'onRealtimeSubscribeRequest',
						'SubscriptionMessage',
						'$dbx',
						'onBatchRequest',
						'onRecordCreateRequest',
						'onRecordUpdate',
						'onRecordUpdateRequest',
						'onRecordEnrich',
						'onRecordAfterCreateSuccess',
						'onRecordAfterUpdateSuccess',
						'onRecordAfterDeleteSuccess',
						'Collection',
						'Record',
						'RelationField',
						'SelectField',
						'BoolField',
						'TextField',
						'JSONField',
						'NumberField',
						'FileField',
						'AutodateField',
						'DynamicModel',
						'BadRequestError',
						'NotFoundError',
						'arrayOf',
						'require',
						'module'
					].map((name) => [name, 'readonly'])
				)
			}
		},
		rules: {
			...ts.configs.disableTypeChecked.rules,
			'@typescript-eslint/no-require-imports': 'off',
			// The svelte plugin's wrapper of this core rule fails on CommonJS scripts.
			'svelte/no-inner-declarations': 'off',
			// PocketBase's convention: editors read its generated pb_data/types.d.ts this way.
			'@typescript-eslint/triple-slash-reference': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }]
		}
	}
);
