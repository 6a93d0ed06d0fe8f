/**
 * `POST /api/v1/open/webhook/save` and `POST /api/v1/open/webhook/query`: the account's webhook URL.
 * Saving sends a CHECK_HEALTH first and the URL is refused if that delivery fails.
 * @module
 */
import { z } from 'zod';

export const esimAccessWebhookUrlSchema = z
  .string()
  .min(1)
  .max(512)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
      } catch {
        return false;
      }
    },
    { message: 'Expected an http(s) URL' },
  );

export const esimAccessWebhookSaveRequestSchema = z.object({
  webhook: esimAccessWebhookUrlSchema,
});

export const esimAccessWebhookQueryRequestSchema = z.object({});

/** Not documented beyond "shows the current webhook URL": `webhook` mirrors the save request's field (inferred). */
export const esimAccessWebhookQueryObjSchema = z.object({
  webhook: z.string().nullish(),
});
