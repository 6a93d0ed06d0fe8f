import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { toIroamlyParameterError } from '../src/iroamly/codes.js';
import {
  iroamlyCodeQueryRequestSchema,
  iroamlyPurchaseCodeRequestSchema,
  iroamlyQrcodeQueryRedeemCode,
  iroamlyQrcodeQueryRequestSchema,
  iroamlyRedeemQrcodeRequestSchema,
} from '../src/iroamly/schemas/requests.js';
import {
  IroamlyRedeemCodeStatus,
  iroamlyCodeQueryResponseSchema,
  iroamlyErrorResponseSchema,
  iroamlyPlanListResponseSchema,
  iroamlyPurchaseCodeResponseSchema,
  iroamlyQrcodeQueryResponseSchema,
  iroamlyRedeemQrcodeResponseSchema,
} from '../src/iroamly/schemas/responses.js';

/** What the fake answers for a body: the parsed value, or the provider's code-3 error. */
function answer(schema: z.ZodType, body: unknown) {
  const result = schema.safeParse(body);
  return result.success ? { ok: result.data } : toIroamlyParameterError(result.error.issues);
}

const line = { productCode: 'm8hed7h2fed', quantity: 2 };
const purchase = (overrides: Record<string, unknown>) => ({
  email: '2m827n32d@gmail.com',
  productList: [line],
  ...overrides,
});

describe('iRoamly request schemas', () => {
  it('accept the spec examples, dropping keys the provider does not know', () => {
    const spec = {
      email: '2m827n32d@gmail.com',
      productList: [line, { productCode: 'cn88beg9edj', quantity: 1 }],
    };
    expect(answer(iroamlyPurchaseCodeRequestSchema, { ...spec, note: 'x' })).toEqual({ ok: spec });
    expect(answer(iroamlyCodeQueryRequestSchema, { orderId: 'xxx-xxx-dh239jdu28' })).toEqual({
      ok: { orderId: 'xxx-xxx-dh239jdu28' },
    });
    const redeem = {
      email: '2m827n32d@gmail.com',
      codeList: [{ redeemCode: 'm8hed7h2fed' }, { redeemCode: 'cn88beg9edj' }],
    };
    expect(answer(iroamlyRedeemQrcodeRequestSchema, redeem)).toEqual({ ok: redeem });
  });

  it.each([
    {
      name: 'an invalid email',
      body: purchase({ email: 'not-an-email' }),
      msg: 'email: must be a valid email address',
    },
    { name: 'a missing email', body: { productList: [line] }, msg: 'email: is required' },
    {
      name: 'an empty productList',
      body: purchase({ productList: [] }),
      msg: 'productList: must not be empty',
    },
    {
      name: 'a productList that is not an array',
      body: purchase({ productList: 'x' }),
      msg: 'productList: must be an array',
    },
    {
      name: 'a zero quantity',
      body: purchase({ productList: [{ ...line, quantity: 0 }] }),
      msg: 'productList[0].quantity: must be at least 1',
    },
    {
      name: 'a fractional quantity',
      body: purchase({ productList: [{ ...line, quantity: 1.5 }] }),
      msg: 'productList[0].quantity: must be an integer',
    },
    {
      name: 'a quantity above 100',
      body: purchase({ productList: [line, { ...line, quantity: 101 }] }),
      msg: 'productList[1].quantity: must be at most 100',
    },
    {
      name: 'a quantity sent as a string',
      body: purchase({ productList: [{ ...line, quantity: '2' }] }),
      msg: 'productList[0].quantity: must be a number',
    },
    {
      name: 'an empty productCode',
      body: purchase({ productList: [{ ...line, productCode: '' }] }),
      msg: 'productList[0].productCode: must not be empty',
    },
    { name: 'a body that is not an object', body: null, msg: 'body: must be a JSON object' },
  ])('answer purchaseCode with code 3 naming the field for $name', ({ body, msg }) => {
    expect(answer(iroamlyPurchaseCodeRequestSchema, body)).toEqual({ code: 3, msg });
  });

  it.each([
    { schema: iroamlyCodeQueryRequestSchema, body: {}, msg: 'orderId: is required' },
    { schema: iroamlyCodeQueryRequestSchema, body: { orderId: 42 }, msg: 'orderId: must be a string' },
    {
      schema: iroamlyRedeemQrcodeRequestSchema,
      body: { email: 'a@b.co', codeList: [] },
      msg: 'codeList: must not be empty',
    },
    {
      schema: iroamlyRedeemQrcodeRequestSchema,
      body: { email: 'bad', codeList: [{ redeemCode: 'x' }] },
      msg: 'email: must be a valid email address',
    },
    {
      schema: iroamlyRedeemQrcodeRequestSchema,
      body: { email: 'a@b.co', codeList: [{ redeemCode: '' }] },
      msg: 'codeList[0].redeemCode: must not be empty',
    },
  ])('answer code 3 with "$msg" for an invalid query or redeem body', ({ schema, body, msg }) => {
    expect(answer(schema, body)).toEqual({ code: 3, msg });
  });

  it.each([
    { body: { code: '3cd2m3f23f3f3' }, field: 'code' },
    { body: { redeemCode: '3cd2m3f23f3f3' }, field: 'redeemCode' },
  ])('accept the qrcodeQuery redeem code under $field', ({ body }) => {
    const parsed = iroamlyQrcodeQueryRequestSchema.parse(body);
    expect(iroamlyQrcodeQueryRedeemCode(parsed)).toBe('3cd2m3f23f3f3');
  });

  it.each([
    { name: 'neither field', body: {}, msg: 'redeemCode: is required (or send code)' },
    {
      name: 'both fields',
      body: { code: 'a', redeemCode: 'b' },
      msg: 'code: send either code or redeemCode, not both',
    },
    { name: 'an empty code', body: { code: '' }, msg: 'code: must not be empty' },
  ])('refuse a qrcodeQuery body with $name', ({ body, msg }) => {
    expect(answer(iroamlyQrcodeQueryRequestSchema, body)).toEqual({ code: 3, msg });
  });
});

describe('iRoamly response schemas', () => {
  it('accept the spec example answers', () => {
    expect(
      iroamlyPurchaseCodeResponseSchema.parse({ code: 1, msg: 'success', orderId: 'xxx-xxxx-sd9hn8df333' }),
    ).toEqual({ code: 1, msg: 'success', orderId: 'xxx-xxxx-sd9hn8df333' });
    const data = [
      { productCode: 'm8hed7h2fed', redeemCode: '3cd2m3f23f3f3', expire_at: '2024-06-30', status: 0 },
      { productCode: 'v2jf28dj2w', redeemCode: 'd923j29ef2323', expire_at: '2024-06-30', status: 2 },
    ];
    expect(iroamlyCodeQueryResponseSchema.parse({ code: 1, msg: 'success', data }).data).toEqual(data);
    expect(iroamlyRedeemQrcodeResponseSchema.parse({ code: 1, msg: 'success' })).toEqual({
      code: 1,
      msg: 'success',
    });
    const qr = {
      code: 1,
      msg: 'success',
      redeemCode: 'm8hed7h2fed',
      qrcode: 'https://dsfjigewafe/qrcode.jpg',
    };
    expect(iroamlyQrcodeQueryResponseSchema.parse(qr)).toEqual(qr);
  });

  it('name the redeem code statuses as the spec defines them', () => {
    expect(IroamlyRedeemCodeStatus).toEqual({ NOT_REDEEMED: 0, REDEEMING: 1, REDEEMED: 2, FAILED: 3 });
  });

  it.each([
    { name: 'an unknown status', item: { status: 4 }, path: ['data', 0, 'status'] },
    {
      name: 'an expiry with a time',
      item: { expire_at: '2024-06-30T00:00:00Z' },
      path: ['data', 0, 'expire_at'],
    },
    { name: 'an impossible date', item: { expire_at: '2024-02-30' }, path: ['data', 0, 'expire_at'] },
  ])('refuse a codeQuery item with $name', ({ item, path }) => {
    const base = { productCode: 'p', redeemCode: 'r', expire_at: '2024-06-30', status: 0 };
    const result = iroamlyCodeQueryResponseSchema.safeParse({
      code: 1,
      msg: 'success',
      data: [{ ...base, ...item }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });

  it('refuse a qrcode that is not an http(s) URL', () => {
    const result = iroamlyQrcodeQueryResponseSchema.safeParse({
      code: 1,
      msg: 'ok',
      redeemCode: 'r',
      qrcode: 'qrcode.jpg',
    });
    expect(result.error?.issues[0]?.path).toEqual(['qrcode']);
  });

  it('keep error answers apart from success: an error body cannot carry code 1', () => {
    expect(iroamlyErrorResponseSchema.safeParse({ code: 5, msg: 'Insufficient balance' }).success).toBe(true);
    expect(iroamlyErrorResponseSchema.safeParse({ code: 1, msg: 'success' }).success).toBe(false);
    expect(
      iroamlyPurchaseCodeResponseSchema.safeParse({ code: 5, msg: 'Insufficient balance' }).success,
    ).toBe(false);
  });

  it('read the plan list as a bare array with the float credit kept as given', () => {
    const plan = {
      plan: 'Japan 10GB 30 Days',
      productCode: 'm8hed7h2fed',
      data: '10GB',
      type: 'Total',
      package_type: 'data',
      duration: '30',
      speed: '4G/5G',
      operator: 'Docomo',
      region: 'Japan',
      region_index: 'jp',
      credit: 12.5,
      remark: '',
    };
    expect(iroamlyPlanListResponseSchema.parse([plan])).toEqual([plan]);
    expect(iroamlyPlanListResponseSchema.safeParse({ data: [plan] }).success).toBe(false);
    expect(
      iroamlyPlanListResponseSchema.safeParse([{ ...plan, credit: '12.5' }]).error?.issues[0]?.path,
    ).toEqual([0, 'credit']);
  });
});
