import { z } from 'zod';

/**
 * One commit of a pull request as the checks need it: Gitea's `GET …/pulls/{index}/commits` gives
 * `{ sha, commit: { message, author: { name, email } } }`; the caller maps it to this shape.
 */
const prCommitSchema = z.object({
  sha: z.string(),
  message: z.string(),
  author: z.object({ name: z.string(), email: z.string() }),
});
export type PrCommit = z.output<typeof prCommitSchema>;
