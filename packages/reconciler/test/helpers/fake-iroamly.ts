/**
 * A small stateful iRoamly for sync tests: orders of redeem codes, answered in the spec's `{code, msg, ...}`
 * format and checked against core's response schemas before they are sent.
 */
import {
  IroamlyCode,
  type IroamlyRedeemCode,
  IroamlyRedeemCodeStatus,
  iroamlyCertification,
  iroamlyCodeQueryRequestSchema,
  iroamlyCodeQueryResponseSchema,
  iroamlyQrcodeQueryRedeemCode,
  iroamlyQrcodeQueryRequestSchema,
  iroamlyQrcodeQueryResponseSchema,
} from '@esim-sandbox/core';
import { HttpResponse, http, type JsonBodyType } from 'msw';

export const IROAMLY_URL = 'https://iroamly.test';
export const AUTH_KEY = 'test-auth-key';
export const AUTH_SECRET = 'test-auth-secret';

export class FakeIroamly {
  readonly orders = new Map<string, IroamlyRedeemCode[]>();
  readonly calls: string[] = [];
  private sequence = 0;

  addOrder(statuses: number[], productCode = 'm8hed7h2fed'): { orderId: string; codes: IroamlyRedeemCode[] } {
    const n = ++this.sequence;
    const orderId = `ord-${String(n).padStart(4, '0')}-sd9hn8df333`;
    const codes = statuses.map((status, i) => ({
      productCode,
      redeemCode: `c${String(n).padStart(4, '0')}x${String(i).padStart(7, '0')}`,
      expire_at: '2026-06-30',
      status: status as IroamlyRedeemCode['status'],
    }));
    this.orders.set(orderId, codes);
    return { orderId, codes };
  }

  code(redeemCode: string): IroamlyRedeemCode {
    for (const codes of this.orders.values()) {
      const found = codes.find((c) => c.redeemCode === redeemCode);
      if (found) return found;
    }
    throw new Error(`fake has no code ${redeemCode}`);
  }

  handle(path: string, headers: Headers, body: unknown): unknown {
    this.calls.push(path);
    if (
      headers.get('AuthKey') !== AUTH_KEY ||
      headers.get('Certification') !== iroamlyCertification(AUTH_KEY, AUTH_SECRET)
    ) {
      return { code: IroamlyCode.AUTHENTICATION_FAILED, msg: 'Request parameter authentication failed' };
    }
    if (path === '/openapi/codeQuery') {
      const { orderId } = iroamlyCodeQueryRequestSchema.parse(body);
      const codes = this.orders.get(orderId);
      if (!codes)
        return { code: IroamlyCode.REDEEM_CODE_UNAVAILABLE, msg: `order ${orderId} does not exist` };
      return iroamlyCodeQueryResponseSchema.parse({ code: 1, msg: 'success', data: codes });
    }
    if (path === '/openapi/qrcodeQuery') {
      const redeemCode = iroamlyQrcodeQueryRedeemCode(iroamlyQrcodeQueryRequestSchema.parse(body));
      if (this.code(redeemCode).status !== IroamlyRedeemCodeStatus.REDEEMED) {
        return { code: IroamlyCode.REDEEM_CODE_UNAVAILABLE, msg: 'not redeemed' };
      }
      return iroamlyQrcodeQueryResponseSchema.parse({
        code: 1,
        msg: 'success',
        redeemCode,
        qrcode: `${IROAMLY_URL}/qr/${redeemCode}.png`,
      });
    }
    return { code: IroamlyCode.REQUEST_FAILED, msg: `the fake does not serve ${path}` };
  }
}

export function iroamlyHandlers(fake: FakeIroamly, baseUrl = IROAMLY_URL) {
  return [
    http.post(`${baseUrl}/openapi/*`, async ({ request }) => {
      const body = await request.json().catch(() => undefined);
      return HttpResponse.json(
        fake.handle(new URL(request.url).pathname, request.headers, body) as JsonBodyType,
      );
    }),
  ];
}
