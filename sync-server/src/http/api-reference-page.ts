import { createHash } from 'node:crypto';

/**
 * The readable reference of the API: one self-contained HTML page rendered on the server from the OpenAPI
 * document (operations, parameters, bodies, responses, schemas). No script and no external file; its one
 * inline style is allowed by its hash in the page's own Content-Security-Policy (http/csp.ts keeps everything
 * else closed).
 */

type Json = Record<string, unknown>;

const STYLE = [
  'body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem;color:#1b1b1f;background:#fff}',
  'h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:1px solid #ccc}h3{font-size:1rem;margin:1.5rem 0 .25rem}',
  'code,pre{font:13px/1.4 ui-monospace,monospace}pre{background:#f4f4f6;padding:.75rem;overflow:auto;border-radius:4px}',
  '.m{display:inline-block;min-width:4.2rem;font-weight:700;text-transform:uppercase}',
  '.get{color:#1a6b3a}.post{color:#174ea6}.patch{color:#8a4b00}.put{color:#8a4b00}.delete{color:#a31515}',
  'table{border-collapse:collapse;margin:.25rem 0}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}',
  'nav ul{columns:2}@media (max-width:40rem){nav ul{columns:1}}',
].join('');

export const REFERENCE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function esc(v: unknown): string {
  return String(v).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function anchor(method: string, path: string): string {
  return `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-');
}

function schemaBlock(schema: unknown): string {
  if (!schema) return '';
  const ref = (schema as Json).$ref;
  if (typeof ref === 'string') {
    const name = ref.split('/').pop()!;
    return `<a href="#schema-${esc(name)}"><code>${esc(name)}</code></a>`;
  }
  return `<pre>${esc(JSON.stringify(schema, null, 2))}</pre>`;
}

function contentOf(content: unknown): string {
  if (!content || typeof content !== 'object') return '';
  return Object.entries(content as Record<string, { schema?: unknown }>)
    .map(([type, c]) => `<div><code>${esc(type)}</code> ${schemaBlock(c.schema)}</div>`)
    .join('');
}

function operationHtml(path: string, method: string, op: Json): string {
  const params = (op.parameters as Json[] | undefined) ?? [];
  const rows = params
    .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td>${esc(p.description ?? '')}</td></tr>`)
    .join('');
  const body = op.requestBody ? `<h4>Request body</h4>${contentOf((op.requestBody as Json).content)}` : '';
  const responses = Object.entries((op.responses as Record<string, Json>) ?? {})
    .map(([status, r]) => `<tr><td>${esc(status)}</td><td>${esc(r.description ?? '')}</td><td>${contentOf(r.content)}</td></tr>`)
    .join('');
  const description = String(op.description ?? '')
    .split('\n\n')
    .map((p) => `<p>${esc(p)}</p>`)
    .join('');
  return `<section id="${anchor(method, path)}"><h3><span class="m ${esc(method)}">${esc(method)}</span> <code>${esc(path)}</code></h3>
<p><strong>${esc(op.summary ?? '')}</strong> (<code>${esc(op.operationId ?? '')}</code>)</p>${description}
${rows ? `<h4>Parameters</h4><table><tr><th>Name</th><th>In</th><th>Required</th><th>Description</th></tr>${rows}</table>` : ''}${body}
<h4>Responses</h4><table><tr><th>Status</th><th>Meaning</th><th>Body</th></tr>${responses}</table></section>`;
}

/** The HTML page of an OpenAPI 3.1 document. */
export function referencePage(doc: Json): string {
  const info = (doc.info ?? {}) as Json;
  const tags = ((doc.tags as Json[] | undefined) ?? []).map((t) => ({ name: String(t.name), description: String(t.description ?? '') }));
  const ops: { tag: string; path: string; method: string; op: Json }[] = [];
  for (const [path, item] of Object.entries((doc.paths as Record<string, Record<string, Json>>) ?? {})) {
    for (const [method, op] of Object.entries(item)) ops.push({ tag: String((op.tags as string[] | undefined)?.[0] ?? ''), path, method, op });
  }
  const toc = tags
    .map((t) => `<li><a href="#tag-${anchor('', t.name)}">${esc(t.name)}</a><ul>${ops
      .filter((o) => o.tag === t.name)
      .map((o) => `<li><a href="#${anchor(o.method, o.path)}"><span class="m ${esc(o.method)}">${esc(o.method)}</span> ${esc(o.path)}</a></li>`)
      .join('')}</ul></li>`)
    .join('');
  const sections = tags
    .map((t) => `<h2 id="tag-${anchor('', t.name)}">${esc(t.name)}</h2><p>${esc(t.description)}</p>${ops
      .filter((o) => o.tag === t.name)
      .map((o) => operationHtml(o.path, o.method, o.op))
      .join('')}`)
    .join('');
  const schemas = Object.entries((((doc.components as Json) ?? {}).schemas as Record<string, unknown>) ?? {})
    .map(([name, s]) => `<h3 id="schema-${esc(name)}">${esc(name)}</h3><pre>${esc(JSON.stringify(s, null, 2))}</pre>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(info.title)} - API reference</title><style>${STYLE}</style></head>
<body><header><h1>${esc(info.title)} <small>${esc(info.version)}</small></h1><p>${esc(info.description ?? '')}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json"><code>/api/v1/openapi.json</code></a> (OpenAPI ${esc(doc.openapi)}).</p></header>
<nav><h2>Operations</h2><ul>${toc}</ul></nav>
<main>${sections}<h2 id="schemas">Schemas</h2>${schemas}</main></body></html>`;
}
