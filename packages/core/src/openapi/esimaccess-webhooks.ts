/**
 * eSIM Access webhooks as OpenAPI 3.1 `webhooks`: one entry per `notifyType` of core's webhook union.
 * @module
 */
import type { z } from 'zod';
import {
  type EsimAccessWebhookType,
  esimAccessWebhookPayloadSchema,
} from '../esimaccess/schemas/webhook-payloads.js';
import { ESIM_ACCESS_WEBHOOK_TEXT } from './esimaccess-text.js';
import { pascalCase, schemaRef } from './schema.js';
import type { OpenApiPathItem } from './types.js';

const componentName = (type: EsimAccessWebhookType) => `EsimAccess${pascalCase(type)}Webhook`;

function webhookTypes(): EsimAccessWebhookType[] {
  return esimAccessWebhookPayloadSchema.options.map((option) => option.shape.notifyType.value);
}

/** The payload schema of each notifyType, named for `components.schemas`. */
export function esimAccessWebhookComponents(): Record<string, z.ZodType> {
  return Object.fromEntries(
    esimAccessWebhookPayloadSchema.options.map((option) => [
      componentName(option.shape.notifyType.value),
      option,
    ]),
  );
}

export function esimAccessWebhooks(senderIps: readonly string[]): Record<string, OpenApiPathItem> {
  const description =
    'POSTed as JSON to the URL saved with webhook/save. Not signed: the documented protection is the sender ' +
    `address (${senderIps.join(', ')}). Deduplicate on notifyId. Reply HTTP 200.`;
  return Object.fromEntries(
    webhookTypes().map((type) => [
      type,
      {
        post: {
          operationId: `webhook${pascalCase(type)}`,
          summary: ESIM_ACCESS_WEBHOOK_TEXT[type],
          description,
          tags: ['webhooks'],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaRef(componentName(type)) } },
          },
          responses: { '200': { description: 'Acknowledged: reply HTTP 200.' } },
        },
      },
    ]),
  );
}
