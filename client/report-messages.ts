// Checks what the report webview posts before the extension acts on it. The page shows untrusted text (file
// names, messages quoting source code), so a message is treated as input: anything malformed is dropped with the
// reason, and a file to open must be a file: URI inside a workspace folder. No `vscode` import: unit-tested in Node.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportParams, ReportWebviewMessage } from '../shared/protocol';

export const REPORT_EXPORT_FORMATS: readonly ReportParams['format'][] = ['html', 'markdown', 'json', 'sarif'];

/** File extension and save-dialog filter of each export format. */
export const EXPORT_FILE_TYPES: Record<ReportParams['format'], { extension: string; filterName: string }> = {
  html: { extension: 'html', filterName: 'HTML' },
  markdown: { extension: 'md', filterName: 'Markdown' },
  json: { extension: 'json', filterName: 'JSON' },
  sarif: { extension: 'sarif', filterName: 'SARIF' },
};

/** Rule ids are kebab-case, spec rules under `spec/` (`spec/undefined-security-scheme`). */
const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)?$/;
/** Beyond any real file: a line or column past it is a forged message, not a position. */
const MAX_POSITION = 10_000_000;

/** A checked `open` message: the file as an absolute path, the range 0-based (LSP). */
export interface OpenTarget {
  type: 'open';
  filePath: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export type CheckedReportMessage = OpenTarget | Exclude<ReportWebviewMessage, { type: 'open' }>;

export type MessageCheck = { ok: true; message: CheckedReportMessage } | { ok: false; reason: string };

/**
 * @param workspaceFolders absolute paths of the workspace folders; `open` targets must lie inside one of them.
 * @param platformPath path module of the host (tests pass `path.win32` or `path.posix`).
 */
export function checkReportMessage(raw: unknown, workspaceFolders: readonly string[], platformPath: path.PlatformPath = path): MessageCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not an object' };
  const message = raw as Record<string, unknown>;
  switch (message.type) {
    case 'refresh':
      return { ok: true, message: { type: 'refresh' } };
    case 'export':
      if (!REPORT_EXPORT_FORMATS.includes(message.format as ReportParams['format'])) return { ok: false, reason: `unknown export format ${describe(message.format)}` };
      return { ok: true, message: { type: 'export', format: message.format as ReportParams['format'] } };
    case 'showDocs':
      if (typeof message.ruleId !== 'string' || !RULE_ID.test(message.ruleId)) return { ok: false, reason: `not a rule id: ${describe(message.ruleId)}` };
      return { ok: true, message: { type: 'showDocs', ruleId: message.ruleId } };
    case 'open':
      return checkOpen(message, workspaceFolders, platformPath);
    default:
      return { ok: false, reason: `unknown message type ${describe(message.type)}` };
  }
}

function checkOpen(message: Record<string, unknown>, workspaceFolders: readonly string[], platformPath: path.PlatformPath): MessageCheck {
  const positions = ['line', 'character', 'endLine', 'endCharacter'] as const;
  for (const name of positions) {
    const value = message[name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_POSITION) return { ok: false, reason: `${name} is not a position: ${describe(value)}` };
  }
  const [line, character, endLine, endCharacter] = positions.map((name) => message[name] as number) as [number, number, number, number];
  if (endLine < line || (endLine === line && endCharacter < character)) return { ok: false, reason: 'the range ends before it starts' };
  if (typeof message.file !== 'string') return { ok: false, reason: 'file is not a string' };
  const filePath = filePathOf(message.file, platformPath);
  if (!filePath) return { ok: false, reason: `not a file: URI: ${describe(message.file)}` };
  // Resolved first, so `..` segments cannot climb out of the folder they start in.
  const inside = workspaceFolders.some((folder) => {
    const relative = platformPath.relative(platformPath.resolve(folder), filePath);
    return relative !== '' && !relative.startsWith('..') && !platformPath.isAbsolute(relative);
  });
  if (!inside) return { ok: false, reason: `outside the workspace folders: ${describe(message.file)}` };
  return { ok: true, message: { type: 'open', filePath, line, character, endLine, endCharacter } };
}

/** The absolute, normalised path of a local file: URI, or undefined (other schemes, hosts, malformed). */
function filePathOf(uri: string, platformPath: path.PlatformPath): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    return undefined;
  }
  // A host names a network share: not a file of this workspace.
  if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost') || parsed.search !== '' || parsed.hash !== '') return undefined;
  try {
    const filePath = fileURLToPath(parsed, { windows: platformPath === path.win32 });
    return platformPath.resolve(filePath);
  } catch {
    return undefined;
  }
}

/** Short and single-line, for the output channel: a forged message may carry anything. */
function describe(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : value === undefined ? 'undefined' : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
