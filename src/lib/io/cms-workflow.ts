// What the local CMS backend's guard does besides deciding who may talk to decap-server: the
// editorial workflow on the git side (./cms-repo.ts, ./cms-gate.ts). For each request that passed
// the guard's checks, `handle` either answers it itself or returns the request to forward, with the
// published branch renamed to the CMS worktree's mirror of it (cms-base). Requests are handled one
// at a time: decap-server and these git steps share one work tree.
import { fromUtcDate, type PlainDate } from '../core/dates.ts';
import { checkSave, type PersistRequest, publishBaseCommits, publishDraft } from './cms-gate.ts';
import { type CmsRepo, recordStatusChange, syncBase, unpublishedEntry } from './cms-repo.ts';

export interface Answer {
  status: number;
  body: unknown;
}

export type WorkflowStep =
  | { answer: Answer }
  /** Forward the request; `afterwards` may replace decap-server's answer. */
  | { forward: Record<string, unknown>; afterwards?: (answer: Answer) => Answer };

interface Request {
  action: string;
  branch?: string;
  params?: Record<string, unknown>;
}

export interface CmsWorkflow {
  handle(body: unknown): WorkflowStep;
}

export function cmsWorkflow(repo: CmsRepo, today: () => PlainDate = () => fromUtcDate(new Date())): CmsWorkflow {
  /** decap-server works on cms-base: the editor's own checkout keeps the published branch. */
  const rewrite = (request: Request): Record<string, unknown> => {
    const params = request.params ? { ...request.params } : undefined;
    if (params && params.branch === repo.branch) params.branch = repo.baseBranch;
    // The local backend has no accounts, so Decap's message template says "(by  <>)": name the editor.
    const options = params?.options as { commitMessage?: unknown } | undefined;
    if (params && options && typeof options.commitMessage === 'string') {
      params.options = {
        ...options,
        commitMessage: options.commitMessage.replace(/\(by\s*<>\)/, `(by ${repo.editor.name})`),
      };
    }
    return {
      ...request,
      ...(request.branch === repo.branch ? { branch: repo.baseBranch } : {}),
      ...(params ? { params } : {}),
    };
  };
  const error = (status: number, message: string): WorkflowStep => ({ answer: { status, body: { error: message } } });

  return {
    handle(body) {
      const request = body as Request;
      const params = (request.params ?? {}) as Record<string, unknown>;
      if (request.action === 'info') return { forward: rewrite(request) };
      syncBase(repo);
      switch (request.action) {
        case 'unpublishedEntry': {
          let { collection, slug } = params as { collection?: string; slug?: string };
          if (typeof params.id === 'string') [collection, slug] = params.id.split('/');
          const entry = unpublishedEntry(repo, String(collection), String(slug), String(params.cmsLabelPrefix ?? ''));
          return entry
            ? { answer: { status: 200, body: entry } }
            : { answer: { status: 404, body: { message: 'Not Found' } } };
        }
        case 'persistEntry': {
          const options = (params.options ?? {}) as { collectionName?: string; useWorkflow?: boolean };
          const dataFiles = (params.dataFiles ?? [params.entry]) as Array<{ path: string; raw: string; slug: string }>;
          const gate = checkSave(
            repo,
            {
              collection: options.useWorkflow ? options.collectionName : undefined,
              slug: dataFiles[0]?.slug,
              dataFiles,
              assets: (params.assets ?? []) as PersistRequest['assets'],
            },
            today(),
          );
          if (!gate.ok) return error(gate.status, gate.error);
          return { forward: rewrite(request) };
        }
        case 'publishUnpublishedEntry': {
          const result = publishDraft(repo, String(params.collection), String(params.slug), today());
          return result.ok
            ? { answer: { status: 200, body: { message: result.message } } }
            : error(result.status, result.error);
        }
        case 'updateUnpublishedEntryStatus':
          return {
            forward: rewrite(request),
            // The status lives in git config, which keeps no history: a commit on the draft does.
            afterwards: (answer) => {
              if (answer.status < 300)
                recordStatusChange(repo, String(params.collection), String(params.slug), String(params.newStatus));
              return answer;
            },
          };
        case 'persistMedia':
        case 'deleteFile':
        case 'deleteFiles':
          // The Media page changes the published branch directly (decap-server commits on cms-base).
          return {
            forward: rewrite(request),
            afterwards: (answer) => {
              if (answer.status >= 300) return answer;
              const published = publishBaseCommits(repo);
              return published.ok ? answer : { status: published.status, body: { error: published.error } };
            },
          };
        default:
          return { forward: rewrite(request) };
      }
    },
  };
}
