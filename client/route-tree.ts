// The API Guard view: the workspace's routes (apiguard/routes) grouped by router or controller, each with an icon
// for how it is authenticated and, once a report was built, its findings. Filled when first shown and on refresh
// (the title button, or the report being refreshed), never per keystroke: the routes request waits for indexing.
import * as vscode from 'vscode';
import type { ReportParams, RouteInventoryEntry, RoutesResult } from '../shared/protocol';
import { AUTH_ICONS, describeCounts, describeRouteAuth, findingCountsFromReport, groupRoutes, routeKey, routeLabel, type FindingCounts, type RouteGroup } from './route-groups';

export const ROUTES_VIEW_ID = 'apiguard.routes';
export const REFRESH_ROUTES_COMMAND = 'apiguard.refreshRoutes';

export type RouteTreeNode =
  | { kind: 'message'; text: string; icon: string; tooltip?: string }
  | { kind: 'group'; group: RouteGroup }
  | { kind: 'route'; route: RouteInventoryEntry; findings: FindingCounts | undefined }
  | { kind: 'findings'; route: RouteInventoryEntry; severity: keyof FindingCounts; count: number };

export interface RouteTreeHost {
  requestRoutes(): Promise<RoutesResult>;
  requestReport(params: ReportParams): Promise<string>;
  log(message: string): void;
}

type State =
  | { phase: 'idle' }
  | { phase: 'indexing' }
  | { phase: 'ready'; result: RoutesResult; findings: Map<string, FindingCounts> | undefined }
  | { phase: 'failed'; reason: string };

/** Saves closer together than this (save all, format on save) list the routes once. */
const SAVE_SETTLE_MS = 1_000;

const SEVERITY_ICONS: Record<keyof FindingCounts, { icon: string; color: string }> = {
  error: { icon: 'error', color: 'problemsErrorIcon.foreground' },
  warning: { icon: 'warning', color: 'problemsWarningIcon.foreground' },
  info: { icon: 'info', color: 'problemsInfoIcon.foreground' },
  hint: { icon: 'lightbulb', color: 'problemsInfoIcon.foreground' },
};

export class RouteTreeProvider implements vscode.TreeDataProvider<RouteTreeNode>, vscode.Disposable {
  private state: State = { phase: 'idle' };
  private readonly changed = new vscode.EventEmitter<RouteTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Each refresh supersedes the ones before it: a slow answer never overwrites a newer one. */
  private generation = 0;
  private pending: Promise<void> | undefined;
  /** A file was saved since the routes were listed: list them again when the view is next visible. */
  private stale = false;
  private debounce: NodeJS.Timeout | undefined;

  constructor(private readonly host: RouteTreeHost) {}

  /**
   * Re-lists the routes; with `withFindings`, also builds the JSON report to count findings per route (a whole-
   * workspace analysis, so only when asked: the refresh button, or the report being rebuilt).
   */
  refresh(withFindings: boolean): Promise<void> {
    const generation = ++this.generation;
    const previous = this.state.phase === 'ready' ? this.state : undefined;
    if (!previous) this.setState({ phase: 'indexing' });
    const run = async (): Promise<void> => {
      try {
        const result = await this.host.requestRoutes();
        let findings = previous?.findings;
        if (withFindings) findings = findingCountsFromReport(await this.host.requestReport({ format: 'json' }));
        if (generation === this.generation) this.setState({ phase: 'ready', result, findings });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.host.log(`[routes] listing the routes failed: ${reason}`);
        if (generation === this.generation) this.setState({ phase: 'failed', reason });
      }
    };
    this.pending = run();
    return this.pending;
  }

  /**
   * Keeps the view current as code is saved: routes only (the server re-indexes the saved file), once the saves
   * settle, and only while the view is visible; a hidden view catches up when shown.
   */
  followSaves(view: vscode.TreeView<RouteTreeNode>, isSource: (document: vscode.TextDocument) => boolean): vscode.Disposable {
    const refreshIfShown = () => {
      if (!this.stale || !view.visible) return;
      clearTimeout(this.debounce);
      this.debounce = setTimeout(() => {
        this.stale = false;
        void this.refresh(false);
      }, SAVE_SETTLE_MS);
    };
    return vscode.Disposable.from(
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (this.state.phase === 'idle' || !isSource(document)) return;
        this.stale = true;
        refreshIfShown();
      }),
      view.onDidChangeVisibility(refreshIfShown),
      { dispose: () => clearTimeout(this.debounce) },
    );
  }

  /** Resolves when the latest refresh has finished (the end-to-end suite waits on it). */
  async settled(): Promise<void> {
    while (this.pending) {
      const current = this.pending;
      await current;
      if (current === this.pending) break;
    }
  }

  getChildren(node?: RouteTreeNode): RouteTreeNode[] {
    if (!node) return this.rootNodes();
    if (node.kind === 'group') return node.group.routes.map((route) => ({ kind: 'route', route, findings: this.findingsOf(route) }));
    if (node.kind === 'route' && node.findings) {
      return (Object.entries(node.findings) as [keyof FindingCounts, number][])
        .filter(([, count]) => count > 0)
        .map(([severity, count]) => ({ kind: 'findings', route: node.route, severity, count }));
    }
    return [];
  }

  getTreeItem(node: RouteTreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'message': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.tooltip = node.tooltip;
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Expanded);
        item.description = node.group.description;
        item.iconPath = new vscode.ThemeIcon(node.group.description ? 'symbol-class' : 'file-code');
        item.tooltip = `${node.group.routes.length} route(s)`;
        item.contextValue = 'apiguard.routeGroup';
        return item;
      }
      case 'route': {
        const { route, findings } = node;
        const counts = findings ? describeCounts(findings) : '';
        const item = new vscode.TreeItem(routeLabel(route), counts ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        const { icon, color } = AUTH_ICONS[route.auth.status];
        item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
        item.description = counts || undefined;
        item.tooltip = [routeLabel(route), describeRouteAuth(route.auth), `${route.framework}, ${route.handler}, line ${route.line}`, ...route.notes].join('\n');
        item.accessibilityInformation = { label: `${routeLabel(route)}, ${describeRouteAuth(route.auth)}${counts ? `, ${counts}` : ''}` };
        item.contextValue = `apiguard.route.${route.auth.status}`;
        item.command = openRouteCommand(route);
        return item;
      }
      case 'findings': {
        const item = new vscode.TreeItem(`${node.count} ${node.count === 1 ? node.severity : `${node.severity}s`}`, vscode.TreeItemCollapsibleState.None);
        const { icon, color } = SEVERITY_ICONS[node.severity];
        item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
        item.tooltip = `Findings of severity ${node.severity} in the handler of ${routeLabel(node.route)}, as of the last report`;
        item.command = openRouteCommand(node.route);
        return item;
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }

  private rootNodes(): RouteTreeNode[] {
    switch (this.state.phase) {
      case 'idle':
        // First shown: list the routes (without findings; the report counts them when it is built).
        void this.refresh(false);
        return [indexingNode()];
      case 'indexing':
        return [indexingNode()];
      case 'failed':
        return [{ kind: 'message', text: 'Could not list the routes', icon: 'error', tooltip: this.state.reason }];
      case 'ready': {
        const { result } = this.state;
        const nodes: RouteTreeNode[] = groupRoutes(result.routes, relativePath).map((group) => ({ kind: 'group', group }));
        if (result.routes.length === 0) nodes.push({ kind: 'message', text: 'No routes found in this workspace', icon: 'info' });
        if (result.unmodelled.length > 0) {
          const tooltip = result.unmodelled.map((entry) => `${entry.framework}: ${entry.what} (${relativePath(entry.file)}:${entry.line})`).join('\n');
          nodes.push({ kind: 'message', text: `${result.unmodelled.length} route declaration(s) could not be listed`, icon: 'warning', tooltip });
        }
        if (!result.complete) nodes.push({ kind: 'message', text: 'Open a folder for the whole inventory', icon: 'info', tooltip: 'Without a workspace folder, mounts in other files are not seen.' });
        return nodes;
      }
    }
  }

  private findingsOf(route: RouteInventoryEntry): FindingCounts | undefined {
    return this.state.phase === 'ready' ? this.state.findings?.get(routeKey(route)) : undefined;
  }

  private setState(state: State): void {
    this.state = state;
    this.changed.fire(undefined);
  }
}

function indexingNode(): RouteTreeNode {
  return { kind: 'message', text: 'Indexing the workspace…', icon: 'loading~spin' };
}

function openRouteCommand(route: RouteInventoryEntry): vscode.Command {
  const line = Math.max(0, route.line - 1);
  const options: vscode.TextDocumentShowOptions = { selection: new vscode.Range(line, 0, line, 0), preview: true };
  return { command: 'vscode.open', title: 'Open the handler', arguments: [fileUri(route.file), options] };
}

/** The server answers file URIs; a relative path (an older server) is taken against the first folder. */
function fileUri(file: string): vscode.Uri {
  if (/^[a-z][a-z0-9+.-]*:/i.test(file) && !/^[a-z]:[\\/]/i.test(file)) return vscode.Uri.parse(file);
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  return root ? vscode.Uri.joinPath(root, file) : vscode.Uri.file(file);
}

function relativePath(file: string): string {
  return vscode.workspace.asRelativePath(fileUri(file), (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}
