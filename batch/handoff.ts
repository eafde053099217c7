// The wire format between the CLI and a running dashboard server that holds the database (POST /internal/batch).
import { z } from "zod";

/** What the CLI sends: its arguments and, for `users`, what it read on stdin. */
export const HandoffRequest = z.object({ argv: z.array(z.string()).default([]), stdin: z.string().default("") });

/** What the server answers: the command's exit code and its output lines. */
export const HandoffResponse = z.object({
  exitCode: z.number().int(),
  stdout: z.array(z.string()),
  stderr: z.array(z.string()),
});
export type HandoffResponse = z.infer<typeof HandoffResponse>;
