// An independent judge of what reaches a compiled MDX module. It knows nothing of the guard:
// it parses the JavaScript the compiler produced (with TypeScript's parser) and accepts only
// the shape a safe page compiles to: the JSX runtime and picture imports, the fixed MDXContent
// wrapper, and calls that build allow-listed HTML elements and components from literal values.
// Anything else (an expression, an import of code, another element or attribute) is reported.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const HTML_ATTRIBUTES: Record<string, readonly string[]> = {
  p: [],
  h1: ['id'],
  h2: ['id', 'class'],
  h3: ['id'],
  h4: ['id'],
  h5: ['id'],
  h6: ['id'],
  a: ['href', 'title', 'id', 'class', 'data-footnote-ref', 'data-footnote-backref', 'aria-describedby', 'aria-label'],
  ul: ['class'],
  ol: ['start'],
  li: ['id', 'class'],
  blockquote: [],
  em: [],
  strong: [],
  del: [],
  code: ['class'],
  pre: [],
  hr: [],
  br: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['style'],
  td: ['style'],
  sup: [],
  section: ['data-footnotes', 'class'],
  input: ['type', 'checked', 'disabled'],
  'astro-image': ['src', 'alt', 'title'],
};
const COMPONENTS: Record<string, { attributes: Record<string, readonly string[] | 'text'>; children: boolean }> = {
  Callout: { attributes: { level: ['non-urgent', 'urgent', 'emergency'], title: 'text' }, children: true },
  HelplineBox: { attributes: {}, children: false },
};
const IMAGE_FILE = /^[a-z0-9]+(?:-[a-z0-9]+)*\.(?:png|jpg|jpeg|webp|avif|gif|svg)$/;
const SAFE_HREF = /^(?:https?:\/\/[^\s\\]+|mailto:[^\s\\]+|tel:[^\s\\]+|#[^\s\\]*|\/(?![/\\])[^\s\\]*)$/i;

const MDX_CONTENT = `function MDXContent(props = {}) {
    const { wrapper: MDXLayout } = props.components || {};
    return MDXLayout ? _jsx(MDXLayout, Object.assign({}, props, { children: _jsx(_createMdxContent, props) })) : _createMdxContent(props);
}`;
const MISSING_REFERENCE = `function _missingMdxReference(id, component) {
    throw new Error("Expected " + (component ? "component" : "object") + " \`" + id + "\` to be defined: you likely forgot to import, pass, or provide it.");
}`;

/** Everything in `code` outside the safe shape; an empty list means the module is data only. */
export function judgeCompiledModule(code: string, mdxFile: string, contentRoot: string): string[] {
  const source = ts.createSourceFile('module.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const findings: string[] = [];
  const flag = (node: ts.Node, why: string) => findings.push(`${why}: ${node.getText(source).slice(0, 80)}`);
  const images = new Set<string>();
  const root = realpathSync(contentRoot);
  const isExported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

  const isJsonLiteral = (node: ts.Expression): boolean => {
    if (ts.isStringLiteral(node) || ts.isNumericLiteral(node)) return true;
    if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) return true;
    if (node.kind === ts.SyntaxKind.NullKeyword) return true;
    if (ts.isPrefixUnaryExpression(node)) return ts.isNumericLiteral(node.operand);
    if (ts.isArrayLiteralExpression(node)) return node.elements.every((e) => isJsonLiteral(e));
    if (ts.isObjectLiteralExpression(node)) {
      return node.properties.every(
        (p) => ts.isPropertyAssignment(p) && ts.isStringLiteral(p.name) && isJsonLiteral(p.initializer),
      );
    }
    return false;
  };
  const propertyName = (name: ts.PropertyName) =>
    ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;

  const elementOf = (type: ts.Expression): { html?: string; component?: string; fragment?: true } | undefined => {
    if (ts.isIdentifier(type)) {
      if (type.text === '_Fragment') return { fragment: true };
      if (Object.hasOwn(COMPONENTS, type.text)) return { component: type.text };
      return undefined;
    }
    if (ts.isPropertyAccessExpression(type) && type.expression.getText(source) === '_components') {
      return Object.hasOwn(HTML_ATTRIBUTES, type.name.text) ? { html: type.name.text } : undefined;
    }
    if (
      ts.isElementAccessExpression(type) &&
      type.expression.getText(source) === '_components' &&
      ts.isStringLiteral(type.argumentExpression)
    ) {
      return Object.hasOwn(HTML_ATTRIBUTES, type.argumentExpression.text)
        ? { html: type.argumentExpression.text }
        : undefined;
    }
    return undefined;
  };

  const checkChild = (node: ts.Expression): void => {
    if (ts.isStringLiteral(node)) return;
    if (ts.isArrayLiteralExpression(node)) {
      for (const element of node.elements) checkChild(element);
      return;
    }
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      (node.expression.text === '_jsx' || node.expression.text === '_jsxs') &&
      node.arguments.length === 2
    ) {
      const [type, props] = node.arguments;
      const element = elementOf(type);
      if (!element) {
        flag(type, 'element outside the allow-list');
        return;
      }
      if (!ts.isObjectLiteralExpression(props)) {
        flag(props, 'computed props');
        return;
      }
      const given = new Set<string>();
      for (const property of props.properties) {
        if (!ts.isPropertyAssignment(property)) {
          flag(property, 'spread or computed property');
          continue;
        }
        const name = propertyName(property.name);
        const value = property.initializer;
        if (name === undefined) {
          flag(property, 'computed property name');
          continue;
        }
        given.add(name);
        if (name === 'children') {
          if (element.component && !COMPONENTS[element.component].children)
            flag(property, 'content in a void component');
          checkChild(value);
          continue;
        }
        if (element.fragment) {
          flag(property, 'attribute on a fragment');
          continue;
        }
        if (element.component) {
          const allowed = Object.hasOwn(COMPONENTS[element.component].attributes, name)
            ? COMPONENTS[element.component].attributes[name]
            : undefined;
          if (!allowed) flag(property, `attribute "${name}" on ${element.component}`);
          else if (!ts.isStringLiteral(value)) flag(value, 'non-literal component attribute');
          else if (Array.isArray(allowed) && !allowed.includes(value.text)) flag(value, 'value outside the list');
          continue;
        }
        const tag = element.html ?? '';
        if (!HTML_ATTRIBUTES[tag].includes(name)) {
          flag(property, `attribute "${name}" on <${tag}>`);
          continue;
        }
        if (name === 'src') {
          if (!ts.isIdentifier(value) || !images.has(value.text)) flag(value, 'picture that is not an imported image');
        } else if (name === 'style') {
          const ok =
            ts.isObjectLiteralExpression(value) &&
            value.properties.every(
              (p) =>
                ts.isPropertyAssignment(p) &&
                propertyName(p.name) === 'textAlign' &&
                ts.isStringLiteral(p.initializer) &&
                ['left', 'center', 'right'].includes(p.initializer.text),
            );
          if (!ok) flag(value, 'style other than table alignment');
        } else if (name === 'href') {
          if (!ts.isStringLiteral(value) || !SAFE_HREF.test(value.text)) flag(value, 'unsafe link');
        } else if (!isJsonLiteral(value)) flag(value, 'non-literal attribute');
      }
      if (element.component === 'Callout' && !(given.has('level') && given.has('title'))) {
        flag(node, 'Callout without level and title');
      }
      return;
    }
    flag(node, 'code in the content');
  };

  const checkCreateContent = (fn: ts.FunctionDeclaration) => {
    for (const statement of fn.body?.statements ?? []) {
      const text = statement.getText(source);
      if (ts.isVariableStatement(statement)) {
        const [declaration] = statement.declarationList.declarations;
        if (
          declaration.name.getText(source) === '_components' &&
          declaration.initializer &&
          ts.isCallExpression(declaration.initializer) &&
          declaration.initializer.expression.getText(source) === 'Object.assign' &&
          declaration.initializer.arguments[1]?.getText(source) === 'props.components' &&
          ts.isObjectLiteralExpression(declaration.initializer.arguments[0])
        ) {
          for (const p of declaration.initializer.arguments[0].properties) {
            const name = ts.isPropertyAssignment(p) ? propertyName(p.name) : undefined;
            const ok =
              name !== undefined &&
              Object.hasOwn(HTML_ATTRIBUTES, name) &&
              ts.isPropertyAssignment(p) &&
              ts.isStringLiteral(p.initializer) &&
              p.initializer.text === name;
            if (!ok) flag(p, 'element outside the allow-list');
          }
          continue;
        }
        if (
          ts.isObjectBindingPattern(declaration.name) &&
          ['_components', 'props.components || {}'].includes(declaration.initializer?.getText(source) ?? '') &&
          declaration.name.elements.every((e) => Object.hasOwn(COMPONENTS, e.name.getText(source)) && !e.propertyName)
        ) {
          continue;
        }
        flag(statement, 'statement');
        continue;
      }
      if (/^if \(!(Callout|HelplineBox)\) _missingMdxReference\("\1", true\);$/.test(text)) continue;
      if (ts.isReturnStatement(statement) && statement.expression) {
        checkChild(statement.expression);
        continue;
      }
      flag(statement, 'statement');
    }
  };

  // Imports first: the compiler appends picture imports after the function that uses them.
  const statements = [...source.statements].sort(
    (a, b) => Number(ts.isImportDeclaration(b)) - Number(ts.isImportDeclaration(a)),
  );
  for (const statement of statements) {
    if (ts.isImportDeclaration(statement)) {
      const from = (statement.moduleSpecifier as ts.StringLiteral).text;
      const clause = statement.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings : undefined;
      const pairs = named?.elements.map((e) => `${e.propertyName?.text ?? e.name.text} as ${e.name.text}`) ?? [];
      if (from === 'astro/jsx-runtime' && !clause?.name) {
        if (pairs.every((p) => ['Fragment as _Fragment', 'jsx as _jsx', 'jsxs as _jsxs'].includes(p))) continue;
      } else if (from === 'astro:assets' && !clause?.name) {
        if (pairs.length === 1 && pairs[0] === 'Image as __AstroImage__') continue;
      } else if (clause?.name && !named && (from.startsWith('./') || from.startsWith('../'))) {
        const file = path.resolve(path.dirname(mdxFile), from);
        const real = existsSync(file) ? realpathSync(file) : undefined;
        // An SVG that can script or link out is a document, not a picture.
        const active = (file: string) =>
          file.endsWith('.svg') && /<script|<foreignObject|\son\w+\s*=|javascript:/i.test(readFileSync(file, 'utf8'));
        if (
          real?.startsWith(`${root}/`) &&
          statSync(real).isFile() &&
          IMAGE_FILE.test(path.basename(real)) &&
          !active(real)
        ) {
          images.add(clause.name.text);
          continue;
        }
      }
      flag(statement, 'import of code');
      continue;
    }
    if (ts.isFunctionDeclaration(statement)) {
      const name = statement.name?.text;
      const text = statement.getText(source);
      if (name === 'MDXContent' && text === MDX_CONTENT) continue;
      if (name === '_missingMdxReference' && text === MISSING_REFERENCE) continue;
      if (name === '_createMdxContent' && !isExported(statement)) {
        checkCreateContent(statement);
        continue;
      }
      if (name === 'getHeadings' && isExported(statement)) {
        const [only] = statement.body?.statements ?? [];
        if (
          statement.body?.statements.length === 1 &&
          ts.isReturnStatement(only) &&
          only.expression &&
          isJsonLiteral(only.expression)
        )
          continue;
      }
      flag(statement, 'function');
      continue;
    }
    if (ts.isVariableStatement(statement) && isExported(statement)) {
      const [declaration] = statement.declarationList.declarations;
      const name = declaration.name.getText(source);
      if (statement.declarationList.declarations.length === 1 && declaration.initializer) {
        if (name === '__usesAstroImage' && declaration.initializer.kind === ts.SyntaxKind.TrueKeyword) continue;
        if (name === 'frontmatter' && isJsonLiteral(declaration.initializer)) continue;
      }
    }
    flag(statement, 'top-level code');
  }
  return findings;
}
