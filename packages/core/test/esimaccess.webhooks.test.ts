import { describe, expect, it } from 'vitest';
import { EsimAccessWebhookParseError } from '../src/esimaccess/errors.js';
import {
  ESIM_ACCESS_WEBHOOK_TYPES,
  type EsimAccessWebhookPayload,
} from '../src/esimaccess/schemas/webhook-payloads.js';
import { parseEsimAccessWebhook } from '../src/esimaccess/webhooks.js';

/** The provider's own example payloads, verbatim. */
const examples: Record<EsimAccessWebhookPayload['notifyType'], string> = {
  CHECK_HEALTH: '{"notifyType":"CHECK_HEALTH","content":{"orderNo":"1234567890","orderStatus":"Test"}}',
  ORDER_STATUS:
    '{"notifyType":"ORDER_STATUS","content":{"orderNo":"B23072016497499","orderStatus":"GOT_RESOURCE"}}',
  SMDP_EVENT: JSON.stringify({
    notifyType: 'SMDP_EVENT',
    eventGenerateTime: '2025-09-11T13:28:09+0000',
    notifyId: '5fcc219e32dc484598d3fd700cf3738d',
    content: {
      eid: '89049032007108882600137544319616',
      iccid: '8997250230000292199',
      esimStatus: 'GOT_RESOURCE',
      smdpStatus: 'DOWNLOAD',
      orderNo: 'B25091113270004',
      esimTranNo: '25091113270004',
      transactionId: '12068951785848-1-1',
    },
  }),
  ESIM_STATUS: JSON.stringify({
    notifyType: 'ESIM_STATUS',
    eventGenerateTime: '2025-08-09T00:23:45Z',
    notifyId: '4038b3dfb1b050bf9f02501df67284f3',
    content: {
      orderNo: 'B25080823490018',
      esimTranNo: '25080323490020',
      transactionId: 'e23111e4d07746889c7bce41cf3f1b16',
      iccid: '89852000263413436720',
      esimStatus: 'CANCEL',
      smdpStatus: 'RELEASED',
    },
  }),
  DATA_USAGE: JSON.stringify({
    notifyType: 'DATA_USAGE',
    eventGenerateTime: '2025-07-21T10:57:28Z',
    notifyId: 'f776267e8d6745db8cc316e4c146ea0c',
    content: {
      orderNo: 'B25052822150009',
      transactionId: 'unique_id_from_partner',
      esimTranNo: '25052822150009',
      iccid: '8943108170001029631',
      totalVolume: 53687091200,
      orderUsage: 48335585458,
      remain: 5351505742,
      lastUpdateTime: '2025-07-21T09:38:25Z',
      remainThreshold: 0.1,
    },
  }),
  VALIDITY_USAGE: JSON.stringify({
    notifyType: 'VALIDITY_USAGE',
    content: {
      orderNo: 'B23072016497499',
      transactionId: 'Your_txn_id',
      iccid: '894310817000000003',
      durationUnit: 'DAY',
      totalDuration: 30,
      expiredTime: '2024-01-11T08:10:19Z',
      remain: 1,
    },
  }),
};

describe('parseEsimAccessWebhook', () => {
  it.each(Object.entries(examples))('decodes the documented %s example', (type, raw) => {
    const payload = parseEsimAccessWebhook(raw);
    expect(payload.notifyType).toBe(type);
    expect(payload).toEqual(JSON.parse(raw));
  });

  it('has an example for every webhook type it knows', () => {
    expect(Object.keys(examples).sort()).toEqual([...ESIM_ACCESS_WEBHOOK_TYPES].sort());
  });

  it('narrows the content by notifyType', () => {
    const payload = parseEsimAccessWebhook(examples.DATA_USAGE);
    if (payload.notifyType !== 'DATA_USAGE') throw new Error('expected DATA_USAGE');
    expect(payload.content.remain).toBe(5351505742);
    expect(payload.content.remainThreshold).toBe(0.1);
  });

  it('accepts an already-parsed object and raw bytes', () => {
    const parsed = parseEsimAccessWebhook(JSON.parse(examples.ESIM_STATUS));
    const fromBytes = parseEsimAccessWebhook(new TextEncoder().encode(examples.ESIM_STATUS));
    expect(fromBytes).toEqual(parsed);
  });

  it('accepts ESIM_STATUS with REVOKED and the optional volume fields', () => {
    const body = JSON.parse(examples.ESIM_STATUS);
    body.content.esimStatus = 'REVOKED';
    body.content.totalVolume = 1073741824;
    body.content.remainVolume = 0;
    const payload = parseEsimAccessWebhook(body);
    expect(payload).toMatchObject({ content: { esimStatus: 'REVOKED', remainVolume: 0 } });
  });

  it('drops unknown extra fields instead of rejecting the payload', () => {
    const body = { ...JSON.parse(examples.ORDER_STATUS), futureField: 1 };
    expect(parseEsimAccessWebhook(body)).not.toHaveProperty('futureField');
  });

  it.each([
    { name: 'a body that is not JSON', raw: '{"notifyType":', path: '' },
    { name: 'a JSON number', raw: '42', path: '' },
    { name: 'an unknown notifyType', raw: '{"notifyType":"PING","content":{}}', path: 'notifyType' },
    { name: 'a missing content', raw: '{"notifyType":"ORDER_STATUS"}', path: 'content' },
    {
      name: 'an SMDP_EVENT without iccid',
      raw: JSON.stringify({
        notifyType: 'SMDP_EVENT',
        content: { ...JSON.parse(examples.SMDP_EVENT).content, iccid: undefined },
      }),
      path: 'content.iccid',
    },
    {
      name: 'an unknown smdpStatus',
      raw: JSON.stringify({
        notifyType: 'ESIM_STATUS',
        content: { ...JSON.parse(examples.ESIM_STATUS).content, smdpStatus: 'LOST' },
      }),
      path: 'content.smdpStatus',
    },
    {
      name: 'a byte count as a string',
      raw: JSON.stringify({
        notifyType: 'DATA_USAGE',
        content: { ...JSON.parse(examples.DATA_USAGE).content, remain: '5' },
      }),
      path: 'content.remain',
    },
  ])('rejects $name with WEBHOOK_INVALID at "$path"', ({ raw, path }) => {
    let caught: unknown;
    try {
      parseEsimAccessWebhook(raw);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EsimAccessWebhookParseError);
    expect(caught).toMatchObject({ code: 'WEBHOOK_INVALID', path });
  });

  it.each([undefined, null, [], 'null'])('rejects %j without crashing', (raw) => {
    expect(() => parseEsimAccessWebhook(raw)).toThrow(EsimAccessWebhookParseError);
  });
});
