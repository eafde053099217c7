import { randomBytes, scrypt as scryptCb, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import type { DB } from "../db/db.server";
import type { OpenDatabase } from "../db/db.server";
import { inTransaction } from "../db/tx.server";
import { appendAudit } from "../audit/audit.server";
import { isRole, ROLES, type Role } from "./roles";

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;
const PARAMS = { N: 16384, r: 8, p: 1 };

/** scrypt$N$r$p$salt$hash, all in one column. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, 32, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString("base64")}$${hash.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split("$");
  if (kind !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await scrypt(password, Buffer.from(salt, "base64"), expected.length, { N: +n, r: +r, p: +p });
  return timingSafeEqual(actual, expected);
}

export class UserError extends Error {}

export interface NewUser {
  email: string;
  role: string;
  name?: string;
  password: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Creates an account (or updates the role and password of an existing one). */
export async function addUser(
  open: OpenDatabase,
  u: NewUser,
  actor = "cli",
): Promise<{ id: number; email: string; role: Role; created: boolean }> {
  const email = u.email.trim().toLowerCase();
  if (!EMAIL.test(email)) throw new UserError(`"${u.email}" is not an e-mail address`);
  if (!isRole(u.role)) throw new UserError(`unknown role "${u.role}"; roles are ${ROLES.join(", ")}`);
  if (u.password.length < 8) throw new UserError("the password must be at least 8 characters");
  const password_hash = await hashPassword(u.password);
  const name = u.name?.trim() || email.split("@")[0];
  return inTransaction(open, async (tx, conn) => {
    const existing = await tx.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
    let id: number;
    if (existing) {
      await tx.updateTable("users").set({ role: u.role, name, password_hash }).where("id", "=", existing.id).execute();
      id = existing.id;
    } else {
      id = (
        await tx
          .insertInto("users")
          .values({ email, name, role: u.role, password_hash, created_at: new Date() })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    }
    await appendAudit(tx, conn, [
      {
        actor,
        action: existing ? "user.updated" : "user.created",
        entity: "user",
        entityId: email,
        detail: { role: u.role },
      },
    ]);
    return { id, email, role: u.role as Role, created: !existing };
  });
}

export async function findUserByEmail(db: DB, email: string) {
  return db.selectFrom("users").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: DB, id: number) {
  return db.selectFrom("users").select(["id", "email", "name", "role"]).where("id", "=", id).executeTakeFirst();
}

export async function listUsers(db: DB) {
  return db.selectFrom("users").select(["id", "email", "name", "role", "created_at"]).orderBy("email").execute();
}
