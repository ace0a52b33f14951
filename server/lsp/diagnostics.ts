// Findings → LSP diagnostics. Positions pass through untouched: the engine already speaks 0-based lines and UTF-16
// characters. Code actions rebuild the same objects so `CodeAction.diagnostics` matches what the client shows.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { Severity } from '../../rules/support/rule';
import { helpUrlFor } from '../engine/analyzer';
import { ConfigError } from '../engine/config';
import { UNUSED_SUPPRESSION } from '../engine/engine-findings';
import type { Finding } from '../engine/findings';
import { LineIndex } from '../engine/line-index';

export const DIAGNOSTIC_SOURCE = 'apiguard';
/** Codes of the server's own diagnostics (not findings): a skipped file and an invalid apiguard.json. */
export const SKIPPED_FILE_CODE = 'skipped-file';
export const INVALID_CONFIG_CODE = 'invalid-config';
export const ANALYSIS_FAILED_CODE = 'analysis-failed';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: helpUrlFor(finding.ruleId) },
    message: finding.message,
  };
  // Editors fade unused code; an unused suppression is exactly that.
  if (finding.ruleId === UNUSED_SUPPRESSION.id) diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function skippedFileDiagnostic(reason: string): Diagnostic {
  return { range: FILE_START, severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, code: SKIPPED_FILE_CODE, message: `API Guard ${reason}` };
}

/** Shown at the top of every open file that the broken config applies to. */
export function invalidConfigDiagnostic(error: ConfigError): Diagnostic {
  return {
    range: FILE_START,
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: INVALID_CONFIG_CODE,
    message: `API Guard is not analysing this file: invalid config ${error.message}`,
  };
}

/** Shown at the top of every open file analysed with the last valid config while the current one is broken. */
export function lastValidConfigDiagnostic(error: ConfigError): Diagnostic {
  return {
    range: FILE_START,
    severity: DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: INVALID_CONFIG_CODE,
    message: `API Guard is using the last valid config until this is fixed: invalid config ${error.message}`,
  };
}

/** Shown in the broken apiguard.json itself, at the error when its offset is known. */
export function configFileDiagnostic(error: ConfigError, configText: string): Diagnostic {
  const at = error.offset !== undefined ? LineIndex.of(configText).positionAt(error.offset) : FILE_START.start;
  const message = error.message.startsWith(`${error.configPath}: `) ? error.message.slice(error.configPath.length + 2) : error.message;
  return {
    range: { start: at, end: at },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: INVALID_CONFIG_CODE,
    message: `Invalid API Guard config: ${message}`,
  };
}

export function analysisFailedDiagnostic(error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return {
    range: FILE_START,
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: ANALYSIS_FAILED_CODE,
    message: `API Guard failed to analyse this file (details in the API Guard log): ${message}`,
  };
}
