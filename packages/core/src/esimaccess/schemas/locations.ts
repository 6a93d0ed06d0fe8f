/**
 * `POST /api/v1/open/location/list`: supported countries (type 1) and regions (type 2, e.g. `NA-3`).
 * @module
 */
import { z } from 'zod';

export const esimAccessLocationListRequestSchema = z.object({});

export const esimAccessSubLocationSchema = z.object({
  code: z.string(),
  name: z.string(),
});

/**
 * The docs name the member countries `subLocationList`; the brief's example writes `subLocation`. Both are accepted
 * when parsing; a fake should send `subLocationList`.
 */
export const esimAccessLocationSchema = z.object({
  code: z.string().min(1),
  name: z.string(),
  type: z.union([z.literal(1), z.literal(2)]),
  subLocationList: z.array(esimAccessSubLocationSchema).nullish(),
  subLocation: z.array(esimAccessSubLocationSchema).nullish(),
});
export type EsimAccessLocation = z.infer<typeof esimAccessLocationSchema>;

export const esimAccessLocationListObjSchema = z.object({
  locationList: z.array(esimAccessLocationSchema),
});
export type EsimAccessLocationListObj = z.infer<typeof esimAccessLocationListObjSchema>;
