// Writes src/local/runtime/google-methods.json: for each Apps Script class of @types/google-apps-script
// (Range, Sheet, Body…), the names of its methods. The local runtime uses it to tell a method Google has
// but the runtime does not implement ("not implemented locally: Class.method") from one nobody has.
// It also writes src/local/runtime/docs-fields.json: the fields of each Docs API type (apis/docs_v1.d.ts),
// which a `fields` mask of a local Docs.Documents.get may name, from Document down.
// `node scripts/google-methods.mjs --check` exits 1 when a file is not what the types give.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const types = join(root, 'node_modules', '@types', 'google-apps-script');
const out = join(root, 'src', 'local', 'runtime', 'google-methods.json');

const methods = {};
for (const file of readdirSync(types).filter(
  (f) => f.startsWith('google-apps-script.') && f.endsWith('.d.ts'),
)) {
  const source = ts.createSourceFile(file, readFileSync(join(types, file), 'utf8'), ts.ScriptTarget.Latest);
  const visit = (node) => {
    if (ts.isInterfaceDeclaration(node)) {
      const names = node.members
        .filter((m) => ts.isMethodSignature(m) && m.name && ts.isIdentifier(m.name))
        .map((m) => m.name.text);
      if (names.length > 0) {
        const name = node.name.text;
        methods[name] = [...new Set([...(methods[name] ?? []), ...names])].sort();
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
const sorted = Object.fromEntries(Object.entries(methods).sort(([a], [b]) => a.localeCompare(b)));

// Each Docs API type (Document, Body, StructuralElement…): its fields, each with the Docs type it holds (a
// message, alone or in a list), '*' for a free-form object (a map by id), or null (a number, a string).
const docsTypes = {};
const docsSource = ts.createSourceFile(
  'docs_v1.d.ts',
  readFileSync(join(types, 'apis', 'docs_v1.d.ts'), 'utf8'),
  ts.ScriptTarget.Latest,
);
const visitDocs = (node, inSchema = false) => {
  if (inSchema && ts.isInterfaceDeclaration(node)) {
    const fields = {};
    for (const m of node.members) {
      if (!ts.isPropertySignature(m) || !m.name || !ts.isIdentifier(m.name)) continue;
      const type = m.type?.getText(docsSource) ?? '';
      const held = /Docs\.Schema\.(\w+)/.exec(type);
      fields[m.name.text] = held ? held[1] : /^object\b/.test(type) ? '*' : null;
    }
    docsTypes[node.name.text] = Object.fromEntries(
      Object.entries(fields).sort(([a], [b]) => a.localeCompare(b)),
    );
  }
  const schema = inSchema || (ts.isModuleDeclaration(node) && node.name.text === 'Schema');
  ts.forEachChild(node, (child) => visitDocs(child, schema));
};
visitDocs(docsSource);
const docsSorted = Object.fromEntries(Object.entries(docsTypes).sort(([a], [b]) => a.localeCompare(b)));

const outputs = [
  [out, `${JSON.stringify(sorted, null, 1)}\n`],
  [join(root, 'src', 'local', 'runtime', 'docs-fields.json'), `${JSON.stringify(docsSorted, null, 1)}\n`],
];
for (const [file, text] of outputs) {
  if (process.argv.includes('--check')) {
    if (readFileSync(file, 'utf8') !== text) {
      console.error(`${file} is stale: run node scripts/google-methods.mjs`);
      process.exit(1);
    }
  } else {
    writeFileSync(file, text);
    console.log(`${file} written`);
  }
}
