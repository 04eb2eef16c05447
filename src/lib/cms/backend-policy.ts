// What the local CMS backend (decap-server, behind scripts/cms.ts's proxy) may be asked to do.
// decap-server has no login and reads and writes any file of the git work tree it serves,
// `.git/` included; any web page the editor visits could reach it. The proxy lets a request
// through only when it comes from the admin page itself and every path it names is content:
// an allow-list of actions, of the fields each takes, and of the files and folders they touch.
import { z } from 'astro/zod';
import { IMAGE_EXTENSIONS, isImageFileName } from '../mdx/media.ts';

/** The parts of content/ the CMS edits: entry files by extension, and picture folders. */
export const CMS_CONTENT_AREAS = {
  entryFolders: {
    'content/articles': 'mdx',
    'content/pages': 'mdx',
    'content/people': 'yml',
    'content/settings': 'yml',
  },
  mediaFolders: ['content/articles/images', 'content/people/images', 'content/media'],
} as const;

export interface BackendPolicy {
  /** The only git branch requests may name: the branch checked out when the CMS started. */
  branch: string;
  /** Host headers accepted: the proxy's own address (`127.0.0.1:<port>`, `localhost:<port>`). */
  hosts: readonly string[];
  /** Origins accepted: the admin page's own origin(s). */
  origins: readonly string[];
}

export function localPolicy(proxyPort: number, sitePort: number, branch: string): BackendPolicy {
  return {
    branch,
    hosts: [`127.0.0.1:${proxyPort}`, `localhost:${proxyPort}`],
    origins: [`http://localhost:${sitePort}`, `http://127.0.0.1:${sitePort}`],
  };
}

export interface RequestHead {
  method: string;
  /** Path and query of the request line. */
  url: string;
  host?: string;
  origin?: string;
  contentType?: string;
}

export type Refusal = { status: number; error: string };

/** Refuses a request by its line and headers alone (before its body is read). */
export function headProblem(head: RequestHead, policy: BackendPolicy): Refusal | undefined {
  if (!head.host || !policy.hosts.includes(head.host.toLowerCase())) {
    return { status: 403, error: `this backend answers only requests addressed to ${policy.hosts.join(' or ')}` };
  }
  if (!head.origin || !policy.origins.includes(head.origin)) {
    return { status: 403, error: `this backend answers only the CMS admin page (${policy.origins.join(' or ')})` };
  }
  if (head.url !== '/api/v1') return { status: 404, error: 'not found' };
  if (head.method === 'OPTIONS') return undefined;
  if (head.method !== 'POST') return { status: 405, error: 'only POST is allowed' };
  if (!/^application\/json(?:;|$)/i.test(head.contentType ?? '')) {
    return { status: 415, error: 'the request body must be JSON' };
  }
  return undefined;
}

const SEGMENT = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

/** A relative POSIX path made only of plain segments (no `..`, no dot-files, no `\`). */
function plainSegments(value: string): string[] | undefined {
  if (value.length > 300) return undefined;
  const segments = value.split('/');
  return segments.every((segment) => SEGMENT.test(segment)) ? segments : undefined;
}

/** Why `value` is not an entry file of the CMS (like content/articles/<slug>.mdx), if it is not. */
export function entryPathProblem(value: string): string | undefined {
  const segments = plainSegments(value);
  const folder = segments?.slice(0, -1).join('/');
  const extension = Object.hasOwn(CMS_CONTENT_AREAS.entryFolders, folder ?? '')
    ? CMS_CONTENT_AREAS.entryFolders[folder as keyof typeof CMS_CONTENT_AREAS.entryFolders]
    : undefined;
  const name = segments?.at(-1) ?? '';
  if (!extension || !new RegExp(`^[a-z0-9]+(?:-[a-z0-9]+)*\\.${extension}$`).test(name)) {
    return `"${value}" is not a content entry (content/articles/<slug>.mdx, content/people/<id>.yml, …)`;
  }
  return undefined;
}

/** Why `value` is not a picture in a media folder (like content/articles/images/chart.png), if it is not. */
export function mediaPathProblem(value: string): string | undefined {
  const segments = plainSegments(value);
  const folder = segments?.slice(0, -1).join('/') ?? '';
  if (!(CMS_CONTENT_AREAS.mediaFolders as readonly string[]).includes(folder)) {
    return `"${value}" is not in a media folder (${CMS_CONTENT_AREAS.mediaFolders.join(', ')})`;
  }
  if (!isImageFileName(segments?.at(-1) ?? '')) {
    return `"${value}" is not a picture: the media library takes only ${IMAGE_EXTENSIONS.join(', ')} files named with lower-case letters, digits and hyphens`;
  }
  return undefined;
}

const folderPath = z.string().refine((v) => v in CMS_CONTENT_AREAS.entryFolders, {
  error: (issue) => `"${String(issue.input)}" is not a content folder`,
});
const mediaFolder = z.string().refine((v) => (CMS_CONTENT_AREAS.mediaFolders as readonly string[]).includes(v), {
  error: (issue) => `"${String(issue.input)}" is not a media folder`,
});
const pathWith = (problem: (value: string) => string | undefined) =>
  z.string().superRefine((value, ctx) => {
    const why = problem(value);
    if (why) ctx.addIssue({ code: 'custom', message: why });
  });
const entryPath = pathWith(entryPathProblem);
const mediaPath = pathWith(mediaPathProblem);
const anyContentPath = pathWith((value) =>
  entryPathProblem(value) && mediaPathProblem(value) ? `"${value}" is not a content entry or picture` : undefined,
);
/** A collection name or entry slug: it becomes part of a git branch name, cms/<collection>/<slug>. */
const slugPart = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'expected a lower-case-hyphenated name' });
const status = z.enum(['draft', 'pending_review', 'pending_publish']);
const labelPrefix = z.string().regex(/^[\w -]{0,40}$/);
const commitMessage = z
  .string()
  .max(1000)
  .regex(/^[^\0]*$/);
const commitOptions = z.strictObject({ commitMessage });
const asset = z.strictObject({
  path: mediaPath,
  content: z.string().max(30 * 1024 * 1024),
  encoding: z.literal('base64'),
});
const folderOf = (value: string) => value.slice(0, value.lastIndexOf('/'));
const dataFile = z
  .strictObject({
    slug: z.string().max(200),
    path: entryPath,
    raw: z.string().max(1024 * 1024),
    newPath: entryPath.optional(),
  })
  // A rename stays in its collection's folder: decap-server moves every file of the old folder.
  .refine((file) => file.newPath === undefined || folderOf(file.newPath) === folderOf(file.path), {
    error: 'an entry can only be renamed within its own folder',
    path: ['newPath'],
  });

function paramsFor(branch: z.ZodType) {
  const base = { branch };
  const entryKey = { ...base, collection: slugPart, slug: slugPart };
  return {
    info: z.unknown(),
    entriesByFolder: z.strictObject({
      ...base,
      folder: folderPath,
      extension: z.enum(['mdx', 'yml']),
      depth: z.number().int().min(1).max(3),
    }),
    entriesByFiles: z.strictObject({
      ...base,
      files: z.array(z.strictObject({ path: entryPath, label: z.string().optional() })).max(500),
    }),
    getEntry: z.strictObject({ ...base, path: entryPath }),
    unpublishedEntries: z.strictObject(base),
    unpublishedEntry: z.strictObject({
      ...base,
      id: z
        .string()
        .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/)
        .optional(),
      collection: slugPart.optional(),
      slug: slugPart.optional(),
      cmsLabelPrefix: labelPrefix.optional(),
    }),
    unpublishedEntryDataFile: z.strictObject({ ...entryKey, id: z.string().max(300), path: entryPath }),
    unpublishedEntryMediaFile: z.strictObject({ ...entryKey, id: z.string().max(300), path: mediaPath }),
    deleteUnpublishedEntry: z.strictObject(entryKey),
    persistEntry: z
      .strictObject({
        ...base,
        cmsLabelPrefix: labelPrefix.optional(),
        entry: dataFile.optional(),
        dataFiles: z.array(dataFile).min(1).max(20).optional(),
        assets: z.array(asset).max(50),
        options: z.strictObject({
          collectionName: slugPart.optional(),
          commitMessage,
          useWorkflow: z.boolean(),
          status: status.or(z.literal('')),
          hasSubfolders: z.boolean().optional(),
          newEntry: z.boolean().optional(),
          unpublished: z.boolean().optional(),
        }),
      })
      .refine((params) => (params.entry === undefined) !== (params.dataFiles === undefined), {
        error: 'expected either entry or dataFiles',
      }),
    updateUnpublishedEntryStatus: z.strictObject({
      ...entryKey,
      newStatus: status,
      cmsLabelPrefix: labelPrefix.optional(),
    }),
    publishUnpublishedEntry: z.strictObject(entryKey),
    getMedia: z.strictObject({ ...base, mediaFolder }),
    getMediaFile: z.strictObject({ ...base, path: mediaPath }),
    persistMedia: z.strictObject({ ...base, asset, options: commitOptions }),
    deleteFile: z.strictObject({ ...base, path: anyContentPath, options: commitOptions }),
    deleteFiles: z.strictObject({ ...base, paths: z.array(anyContentPath).min(1).max(100), options: commitOptions }),
    getDeployPreview: z.strictObject(entryKey),
  };
}

export type BackendAction = keyof ReturnType<typeof paramsFor>;

/** Every path a validated request names, so the proxy can check where each really points. */
export function pathsIn(body: { action: string; params?: unknown }): string[] {
  type Named = { path?: unknown; newPath?: unknown };
  const params = (body.params ?? {}) as {
    folder?: unknown;
    path?: unknown;
    mediaFolder?: unknown;
    entry?: Named;
    asset?: Named;
    files?: Named[];
    dataFiles?: Named[];
    assets?: Named[];
    paths?: unknown[];
  };
  const paths: unknown[] = [
    params.folder,
    params.path,
    params.mediaFolder,
    params.entry?.path,
    params.entry?.newPath,
    params.asset?.path,
    ...(params.files ?? []).map((file) => file.path),
    ...(params.dataFiles ?? []).flatMap((file) => [file.path, file.newPath]),
    ...(params.assets ?? []).map((file) => file.path),
    ...(params.paths ?? []),
  ];
  return paths.filter((p): p is string => typeof p === 'string');
}

/** Refuses a request body unless it is an allowed action whose every field is allowed. */
export function bodyProblem(body: unknown, policy: BackendPolicy): Refusal | undefined {
  const branch = z.literal(policy.branch, { error: `expected the branch "${policy.branch}"` });
  const schemas = paramsFor(branch);
  // Decap's client repeats the branch beside the action; decap-server reads it from params.
  const envelope = z
    .strictObject({
      action: z.enum(Object.keys(schemas) as [BackendAction, ...BackendAction[]]),
      params: z.unknown().optional(),
      branch: branch.optional(),
    })
    .safeParse(body);
  if (!envelope.success)
    return { status: 422, error: `not a CMS request this backend allows: ${envelope.error.issues[0].message}` };
  const result = schemas[envelope.data.action].safeParse(envelope.data.params ?? {});
  if (!result.success) {
    const [issue] = result.error.issues;
    const where = issue.path.length ? `params.${issue.path.join('.')}: ` : '';
    return { status: 403, error: `${envelope.data.action} refused: ${where}${issue.message}` };
  }
  return undefined;
}
