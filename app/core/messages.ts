// Messages for the person reading the dashboard: what happened and what to do, in their words — never a server
// path, a stored file's hashed name, a role's code name or command-line syntax.

/** Why a role may not do something, in plain words (the 403 page and the audit log's refusal). */
export const REFUSALS: Record<string, string> = {
  read: "Your account cannot open this page.",
  review: "Only implementation leads and account owners can accept or reject flags.",
  readiness: "Only the implementation lead can decide kickoff readiness.",
  upload: "Only RevOps and admins can upload files.",
  run_batch: "Only RevOps and admins can run scoring.",
  edit_pilot: "Only RevOps and admins can change the pilot settings.",
  edit_templates: "Only RevOps can mark template fixes.",
  manage_users: "Only admins can manage users.",
  manage_sources: "Only admins can change the approved source systems.",
  pricing:
    "Pricing (the order form and the deal-desk exception) is hidden from your role. Ask an admin if you need it.",
};

export function refusal(permission: string): string {
  return REFUSALS[permission] ?? "Your account is not allowed to do this.";
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Rewrites an import error (written for the command line, which names files by path and options by flag) for
 * the dashboard: the stored file's path or hashed name becomes the name the user uploaded, and command-line
 * advice becomes what to do on the page.
 */
export function uploadMessage(message: string, opts: { fileName: string; storedPaths?: string[] }): string {
  let m = message;
  const shown = `“${opts.fileName}”`;
  // longest first: a file's full path before the folder it sits in
  for (const p of [...(opts.storedPaths ?? [])].sort((a, b) => b.length - a.length)) {
    if (!p) continue;
    m = m.replace(new RegExp(escapeRe(p), "g"), shown);
    const base = p.split(/[\\/]/).pop();
    if (base) m = m.replace(new RegExp(escapeRe(base), "g"), shown);
  }
  // anything else that still looks like a server path or a stored upload (a 32-hex token or upload-<time>-name)
  m = m.replace(/(?:\/[\w.@+-]+){2,}\/?/g, shown);
  m = m.replace(/\b(?:[a-f0-9]{32}|upload-\d+-[\w.-]+)\.(?:csv|tsv|txt)\b/gi, shown);
  m = m.replace(/\s*Map one by hand with --map [^.]*\.?/g, " Pick the header that holds each required column below.");
  m = m.replace(/--map (\w+)=([^:]+): no header/g, "the header “$2” chosen for $1: there is no such header");
  m = m.replace(/--map (\w+)="([^"]*)": /g, "the header “$2” chosen for $1: ");
  m = m.replace(/; map each column once/g, "; choose one header for each column");
  m = m.replace(/--map names an unknown column/g, "Unknown column");
  m = m.replace(/--map wants column=Header, got/g, "A column mapping should name a column and a header, got");
  m = m.replace(/--source ("[^"]*")/g, "the source system $1");
  m = m.replace(
    /\s*\(PT_MAX_UPLOAD_MB raises it\)/g,
    ". Split the export into smaller files, or ask an admin to raise the upload limit",
  );
  m = m.replace(/\s*\(PT_IMPORT_MEMORY raises it\)/g, "");
  m = m.replace(/(“[^”]*”)(\s*“[^”]*”)+/g, "$1");
  m = m.trim();
  return m ? m[0].toUpperCase() + m.slice(1) : "The file could not be imported.";
}
