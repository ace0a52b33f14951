// spec/insecure-server-url: servers reached over cleartext transport — `http://`/`ws://` server URLs (root, path
// and operation level) and Swagger 2.0 `schemes: [http]`/`[ws]`. Credentials and data cross the network readable
// and alterable. Local and documentation hosts (localhost, 127.0.0.1, `*.localhost`, example.com…) are
// information: a development server, not a deployment. Fix: `http` → `https`, `ws` → `wss`.
import { defineSpecRule, type ServerInfo, type SpecInfo } from '../support/spec-rule';
import type { RuleFix } from '../support/rule';
import { removeItem } from '../support/spec-edits';
import { stringAt, stringOf, valueOf, type SpecScalar } from '../support/spec-tree';

type MessageId = 'insecureUrl' | 'insecureScheme' | 'localUrl' | 'localScheme';

export const insecureServerUrl = defineSpecRule<Record<string, never>, MessageId>({
  meta: {
    id: 'spec/insecure-server-url',
    description: 'Server URLs and Swagger 2.0 schemes that use cleartext HTTP or WebSocket instead of HTTPS/WSS.',
    category: 'spec',
    defaultSeverity: 'error',
    confidence: 'high',
    cwe: ['CWE-319'],
    owaspApi: 'API8:2023 Security Misconfiguration',
    frameworks: ['openapi'],
    requiresTypes: false,
    fixable: true,
    messages: {
      insecureUrl: 'Server URL "{{url}}"{{where}} uses cleartext {{scheme}}://: requests, credentials and responses can be read and changed on the way; use {{secure}}://.',
      insecureScheme: 'Swagger `schemes` lists "{{scheme}}"{{where}}: requests, credentials and responses can be read and changed on the way; use {{secure}}.',
      localUrl: 'Server URL "{{url}}"{{where}} uses cleartext {{scheme}}:// on a local or example host: fine for development, never for a deployment.',
      localScheme: 'Swagger `schemes` lists "{{scheme}}"{{where}} for the local or example host "{{host}}": fine for development, never for a deployment.',
    },
  },
  defaultOptions: {},
  create(context) {
    let spec: SpecInfo;
    return {
      document(info) {
        spec = info;
      },
      server(server) {
        const where = whereOf(server);
        if (server.kind === 'server') {
          const url = server.url;
          const text = stringOf(url);
          if (!url || text === undefined) return;
          const scheme = /^(https?|wss?):\/\//i.exec(text)?.[1]?.toLowerCase();
          if (scheme !== 'http' && scheme !== 'ws') return;
          const local = isLocalHost(hostOf(text, server));
          const fix = upgradeUrlFix(url, scheme, !local);
          context.report({
            messageId: local ? 'localUrl' : 'insecureUrl',
            node: url,
            data: { url: text, where, scheme, secure: `${scheme}s` },
            fixes: fix ? [fix] : [],
            severity: local ? 'info' : undefined,
          });
          return;
        }
        const items = server.node.items.map((item) => ({ item, value: stringOf(context.resolve(item))?.toLowerCase() }));
        const listed = new Set(items.map(({ value }) => value));
        const host = (stringAt(spec.root, 'host') ?? '').replace(/:\d+$/, '');
        const local = host !== '' && isLocalHost(host.toLowerCase());
        for (const [index, { item, value }] of items.entries()) {
          if ((value !== 'http' && value !== 'ws') || item.kind !== 'scalar') continue;
          const secure = `${value}s`;
          const fixes: RuleFix[] = [];
          if (!listed.has(secure)) fixes.push(replaceSchemeFix(item, secure, !local));
          else {
            // The secure scheme is already offered: drop the cleartext one.
            const removal = removeItem(server.node, index);
            if (removal) fixes.push({ title: `Remove "${value}" (${secure} is listed)`, edits: [removal], isPreferred: !local, safeForFixAll: !local });
          }
          context.report({
            messageId: local ? 'localScheme' : 'insecureScheme',
            node: item,
            data: { scheme: value, where, secure, host },
            fixes,
            severity: local ? 'info' : undefined,
          });
        }
      },
    };
  },
});

function whereOf(server: ServerInfo): string {
  if (server.level === 'root') return '';
  if (server.level === 'operation') return ` on ${server.operation!.label}`;
  return ' on a path';
}

/** The URL's host, lower case, with server variables replaced by their defaults (`http://{host}:8080`). */
function hostOf(url: string, server: ServerInfo & { kind: 'server' }): string {
  const variables = valueOf(server.node, 'variables');
  const expanded = url.replace(/\{([^}]+)\}/g, (whole, name: string) => stringAt(valueOf(variables, name), 'default') ?? whole);
  const authority = expanded.replace(/^[a-z]+:\/\//i, '').split(/[/?#]/, 1)[0]!;
  const withoutUser = authority.slice(authority.lastIndexOf('@') + 1);
  const host = withoutUser.startsWith('[') ? withoutUser.slice(0, withoutUser.indexOf(']') + 1) : withoutUser.replace(/:[^:]*$/, '');
  return host.toLowerCase();
}

/**
 * Loopback, unspecified, `*.localhost`, the reserved documentation names (RFC 2606/6761) and mDNS `*.local` (RFC 6762;
 * measured: Discourse's spec names `http://discourse.local`, a development host).
 */
export function isLocalHost(host: string): boolean {
  if (host === 'localhost' || host === '[::1]' || host === '0.0.0.0' || /^127(\.\d{1,3}){3}$/.test(host)) return true;
  if (/(^|\.)example\.(com|org|net)$/.test(host)) return true;
  return /\.(example|test|invalid|localhost|local|localdomain)$/.test(host);
}

/** Inserts the `s` after `http`/`ws` in the URL's own text (quotes and the rest of the line kept). A local server
 * may have no certificate: its fix is offered, never preferred nor applied by "fix all". */
function upgradeUrlFix(url: SpecScalar, scheme: string, preferred: boolean): RuleFix | undefined {
  if (url.style === 'block') return undefined;
  const raw = url.document.text.slice(url.range.start, url.range.end);
  const at = raw.search(/[A-Za-z]/);
  if (at < 0 || raw.slice(at, at + scheme.length + 3).toLowerCase() !== `${scheme}://`) return undefined;
  const insertAt = url.range.start + at + scheme.length;
  return { title: `Use ${scheme}s://`, edits: [{ filePath: url.document.filePath, start: insertAt, end: insertAt, newText: raw[at] === raw[at]!.toUpperCase() ? 'S' : 's' }], isPreferred: preferred, safeForFixAll: preferred };
}

/** Replaces the `http`/`ws` item by its secure scheme, keeping its quotes. */
function replaceSchemeFix(item: SpecScalar, secure: string, preferred: boolean): RuleFix {
  const raw = item.document.text.slice(item.range.start, item.range.end);
  const quote = raw.startsWith('"') || raw.startsWith("'") ? raw[0]! : '';
  return { title: `Use ${secure}`, edits: [{ filePath: item.document.filePath, start: item.range.start, end: item.range.end, newText: `${quote}${secure}${quote}` }], isPreferred: preferred, safeForFixAll: preferred };
}
