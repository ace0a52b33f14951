// The report formats, by name: shared by the CLI (`--format`) and the server's report command.
import { formatHtml, type HtmlOptions } from './html';
import { formatJson } from './json';
import { formatMarkdown } from './markdown';
import type { ReportInput } from './model';
import { formatSarif } from './sarif';
import { formatText } from './text';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'markdown', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** `color`: text only; `interactive`: html only, the webview's page (see ReportParams.interactive). */
export function formatReport(format: ReportFormat, input: ReportInput, options: { color?: boolean } & HtmlOptions = {}): string {
  switch (format) {
    case 'text':
      return formatText(input, { color: options.color ?? false });
    case 'json':
      return formatJson(input);
    case 'sarif':
      return formatSarif(input);
    case 'markdown':
      return formatMarkdown(input);
    case 'html':
      return formatHtml(input, options.interactive ? { interactive: options.interactive } : {});
  }
}

export type { ReportInput } from './model';
