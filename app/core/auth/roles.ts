// Who may do what (enforced on the server by every loader and action through can()).

export const ROLES = ["admin", "leadership", "revops", "implementation_lead", "account_owner"] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | "read" // every dashboard page
  | "review" // accept / reject flags (account owners only on their own deals)
  | "readiness" // kickoff readiness: implementation lead alone
  | "upload"
  | "run_batch"
  | "edit_pilot"
  | "edit_templates"
  | "manage_users"
  | "manage_sources";

const GRANTS: Record<Role, Permission[]> = {
  admin: ["read", "upload", "run_batch", "manage_users", "manage_sources", "edit_pilot"],
  leadership: ["read"],
  revops: ["read", "upload", "run_batch", "edit_pilot", "edit_templates"],
  implementation_lead: ["read", "review", "readiness"],
  account_owner: ["read", "review"],
};

export function can(role: string, permission: Permission): boolean {
  return (GRANTS as Record<string, Permission[]>)[role]?.includes(permission) ?? false;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  leadership: "Leadership",
  revops: "RevOps",
  implementation_lead: "Implementation lead",
  account_owner: "Account owner",
};
