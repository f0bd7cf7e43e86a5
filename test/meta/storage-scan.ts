/**
 * What the code stores, read from the code itself with the TypeScript compiler: every key written to or
 * read from `storage.local` and `storage.session` (with the fields of the value written), every IndexedDB
 * database opened, and any other way of storing (web storage, cookies, the Cache API, storage.sync), which
 * the extension has no use for. test/meta/privacy-policy.test.ts compares this with PRIVACY.md.
 *
 * Keys are resolved from string literals, constants (through their literal type, so an imported constant
 * works) and key functions whose body is a template literal (`tab:${tabId}` reads as `tab:<tabId>`). A call
 * whose key cannot be resolved, or a storage area used other than as `storage.<area>.<method>(…)`, is
 * reported as a problem, so nothing is stored out of the test's sight.
 */
import {readdirSync} from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

type StorageArea = 'local' | 'session';
type StoredKey = {area: StorageArea; key: string; fields: string[]; where: string};
export type StorageScan = {keys: StoredKey[]; databases: Array<{name: string; where: string}>; problems: string[]};

const AREAS = new Set(['local', 'session', 'sync', 'managed']);
const METHODS = new Set(['get', 'set', 'remove', 'clear', 'getBytesInUse', 'getKeys', 'setAccessLevel']);
/** Ways of storing that belong to a website, or that the extension must not use; any mention is a problem. */
const FORBIDDEN_GLOBALS = new Set(['localStorage', 'sessionStorage', 'caches', 'cookieStore']);

/** The shipped source files: src/**\/*.ts(x), without tests and declarations. */
export function sourceFiles(root: string): string[] {
	return readdirSync(path.join(root, 'src'), {recursive: true, encoding: 'utf8'})
		.filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
		.map((file) => path.join(root, 'src', file))
		.sort();
}

export function scanStorage(files: string[], compilerOptions: ts.CompilerOptions = {}): StorageScan {
	const program = ts.createProgram(files, {...compilerOptions, noEmit: true});
	const checker = program.getTypeChecker();
	const scan: StorageScan = {keys: [], databases: [], problems: []};

	for (const file of files) {
		const source = program.getSourceFile(file);
		if (!source) throw new Error(`Not in the program: ${file}`);
		const where = (node: ts.Node) => {
			const {line} = source.getLineAndCharacterOfPosition(node.getStart(source));
			return `${path.relative(process.cwd(), file)}:${line + 1}`;
		};

		/** The key(s) an expression stands for, or undefined when it cannot be told. */
		const keysOf = (expr: ts.Expression): string[] | undefined => {
			if (ts.isStringLiteralLike(expr)) return [expr.text];
			if (ts.isArrayLiteralExpression(expr)) {
				const all = expr.elements.map((element) => keysOf(element));
				return all.every((keys) => keys !== undefined) ? all.flat() : undefined;
			}
			if (ts.isTemplateExpression(expr)) return [templatePattern(expr)];
			if (ts.isCallExpression(expr)) {
				const declaration = checker.getSymbolAtLocation(expr.expression)?.valueDeclaration;
				const body =
					declaration && ts.isVariableDeclaration(declaration) && declaration.initializer
						? declaration.initializer
						: declaration;
				if (body && (ts.isArrowFunction(body) || ts.isFunctionExpression(body))) {
					const result = ts.isBlock(body.body) ? undefined : body.body;
					return result ? keysOf(result) : undefined;
				}
				return undefined;
			}
			const type = checker.getTypeAtLocation(expr);
			if (type.isStringLiteral()) return [type.value];
			if (type.isUnion() && type.types.every((part) => part.isStringLiteral()))
				return type.types.map((part) => part.value);
			return undefined;
		};
		const templatePattern = (expr: ts.TemplateExpression) =>
			expr.head.text +
			expr.templateSpans.map((span) => `<${span.expression.getText(source)}>${span.literal.text}`).join('');
		const fieldsOf = (expr: ts.Expression) =>
			checker
				.getTypeAtLocation(expr)
				.getProperties()
				.map((property) => property.getName())
				.sort();

		const visit = (node: ts.Node): void => {
			// storage.<area> is only used as storage.<area>.<method>(…), so that every key is visible here.
			if (ts.isPropertyAccessExpression(node) && AREAS.has(node.name.text) && isStorage(node.expression)) {
				const area = node.name.text;
				const method = node.parent;
				const call = method.parent;
				if (area === 'sync' || area === 'managed') {
					scan.problems.push(`${where(node)}: storage.${area} is used; the extension keeps everything on the device`);
				} else if (
					!ts.isPropertyAccessExpression(method) ||
					!METHODS.has(method.name.text) ||
					!ts.isCallExpression(call) ||
					call.expression !== method
				) {
					scan.problems.push(
						`${where(node)}: storage.${area} is used other than as storage.${area}.<method>(…): ${node.parent.getText(source)}`,
					);
				} else {
					const [argument] = call.arguments;
					const name = method.name.text;
					const found = (key: string, fields: string[] = []) =>
						scan.keys.push({area: area as StorageArea, key, fields, where: where(call)});
					if (name === 'set' && argument && ts.isObjectLiteralExpression(argument)) {
						for (const property of argument.properties) {
							const keys =
								ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)
									? ts.isComputedPropertyName(property.name)
										? keysOf(property.name.expression)
										: [property.name.getText(source).replace(/^['"]|['"]$/g, '')]
									: undefined;
							const value = ts.isPropertyAssignment(property) ? property.initializer : property;
							if (keys) for (const key of keys) found(key, fieldsOf(value as ts.Expression));
							else
								scan.problems.push(
									`${where(property)}: storage.${area}.set with a key the test cannot read: ${property.getText(source)}`,
								);
						}
					} else if (name === 'set') {
						scan.problems.push(
							`${where(call)}: storage.${area}.set needs an object literal, so that its keys can be read`,
						);
					} else if (argument && argument.kind !== ts.SyntaxKind.NullKeyword && name !== 'setAccessLevel') {
						const keys = keysOf(argument);
						if (keys) for (const key of keys) found(key);
						else
							scan.problems.push(
								`${where(call)}: storage.${area}.${name} with a key the test cannot read: ${argument.getText(source)}`,
							);
					}
				}
			}
			// IndexedDB: idb's openDB / deleteDB, or indexedDB.open / deleteDatabase.
			if (ts.isCallExpression(node)) {
				const callee = node.expression.getText(source);
				if (/^(openDB|deleteDB)$|(^|\.)indexedDB\.(open|deleteDatabase)$/.test(callee)) {
					const [first] = node.arguments;
					const names = first ? keysOf(first) : undefined;
					if (names) for (const name of names) scan.databases.push({name, where: where(node)});
					else scan.problems.push(`${where(node)}: ${callee} with a database name the test cannot read`);
				}
			}
			if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text) && !isPropertyName(node))
				scan.problems.push(
					`${where(node)}: ${node.text} is used; the extension keeps its data in its own storage only`,
				);
			if (
				ts.isPropertyAccessExpression(node) &&
				node.name.text === 'cookie' &&
				node.expression.getText(source) === 'document'
			)
				scan.problems.push(`${where(node)}: document.cookie is used`);
			ts.forEachChild(node, visit);
		};
		visit(source);
	}
	return scan;
}

/** `…storage` (browser.storage, chrome.storage, or a bare `storage`). */
function isStorage(expr: ts.Expression): boolean {
	return (
		(ts.isPropertyAccessExpression(expr) && expr.name.text === 'storage') ||
		(ts.isIdentifier(expr) && expr.text === 'storage')
	);
}

/** An identifier that names a property (`x.localStorage`, `{localStorage: 1}`), not the global. */
function isPropertyName(node: ts.Identifier): boolean {
	const parent = node.parent;
	return (
		(ts.isPropertyAccessExpression(parent) && parent.name === node) ||
		(ts.isPropertyAssignment(parent) && parent.name === node) ||
		(ts.isPropertySignature(parent) && parent.name === node)
	);
}

/** The repository's compiler options (tsconfig.json), for a program over its sources. */
export function repositoryCompilerOptions(root: string): ts.CompilerOptions {
	const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), (file) => ts.sys.readFile(file));
	if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
	return ts.parseJsonConfigFileContent(config.config, ts.sys, root).options;
}
