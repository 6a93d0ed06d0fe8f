/**
 * A small stateful eSIM Access for sync tests, speaking the wire format: requests are validated and answers
 * built with core's endpoint table and envelope builders, so the client parses them exactly as it would the
 * provider's. Served through msw (`esimAccessHandlers`) or, for child processes, plain HTTP (`serve`).
 */
import {
  buildEsimAccessFailureEnvelope,
  buildEsimAccessSuccessEnvelope,
  ESIM_ACCESS_HEADERS,
  type EsimAccessEndpointName,
  type EsimAccessProfile,
  esimAccessEndpoints,
  findEsimAccessEndpointByPath,
} from '@esim-sandbox/core';
import { HttpResponse, http, type JsonBodyType } from 'msw';
import { parseProviderTime } from '../../src/domain/state-order.js';

export const ESIM_ACCESS_URL = 'https://esimaccess.test';
export const ACCESS_CODE = 'test-access-code';
export const SECRET_KEY = 'test-secret-key';

export interface FakeRequest {
  endpoint: EsimAccessEndpointName;
  body: Record<string, unknown>;
}

type Answer = unknown;

export class FakeEsimAccess {
  readonly profiles: EsimAccessProfile[] = [];
  readonly allocating = new Set<string>();
  readonly usage = new Map<string, number>();
  readonly requests: FakeRequest[] = [];
  balance = 1_000_000;
  /** The next request is answered with this error code (then it is cleared). */
  failNext: string | undefined;
  /** Called before each answer, with the 1-based request number: tests abort, kill or interleave here. */
  onRequest: ((request: FakeRequest, index: number) => void | Promise<void>) | undefined;
  private sequence = 0;

  /** Adds an order of `count` allocated profiles, created at `createTime`. */
  addOrder(
    count: number,
    options: { createTime?: string; packageCode?: string; orderNo?: string } = {},
  ): EsimAccessProfile[] {
    const n = ++this.sequence;
    const orderNo = options.orderNo ?? `B250911${String(n).padStart(7, '0')}`;
    const created: EsimAccessProfile[] = [];
    for (let i = 0; i < count; i++) {
      const tran = `250911${String(n).padStart(4, '0')}${String(i).padStart(4, '0')}`;
      const profile: EsimAccessProfile = {
        esimTranNo: tran,
        orderNo,
        transactionId: `txn-${n}`,
        imsi: `23210407${tran.slice(-7)}`,
        iccid: `8943108170${tran.slice(-9)}`,
        ac: `LPA:1$rsp-eu.redteamobile.com$${tran}ABCDEF0123456789AB`,
        qrCodeUrl: `https://p.qrsim.net/${tran}.png`,
        smdpStatus: 'RELEASED',
        esimStatus: 'GOT_RESOURCE',
        eid: '',
        expiredTime: '2026-03-10T13:27:00+0000',
        totalVolume: 1_073_741_824,
        totalDuration: 30,
        durationUnit: 'DAY',
        orderUsage: 0,
        packageList: [
          {
            packageName: 'Japan 1GB 30Days',
            packageCode: options.packageCode ?? 'JC016',
            duration: 30,
            volume: 1_073_741_824,
            locationCode: 'JP',
            createTime: options.createTime ?? '2025-09-11T13:27:00+0000',
          },
        ],
      };
      created.push(profile);
      this.profiles.push(profile);
    }
    return created;
  }

  profile(esimTranNo: string): EsimAccessProfile {
    const found = this.profiles.find((p) => p.esimTranNo === esimTranNo);
    if (!found) throw new Error(`fake has no profile ${esimTranNo}`);
    return found;
  }

  /** Answers one request; `accessCode` is the RT-AccessCode header. */
  async handle(path: string, accessCode: string | null, rawBody: unknown): Promise<Answer> {
    const name = findEsimAccessEndpointByPath(path);
    if (!name) return buildEsimAccessFailureEnvelope('000103', 'unknown endpoint');
    if (accessCode !== ACCESS_CODE)
      return buildEsimAccessFailureEnvelope('000102', 'RT-AccessCode is invalid');
    const endpoint = esimAccessEndpoints[name];
    const parsed = endpoint.request.safeParse(rawBody);
    if (!parsed.success)
      return buildEsimAccessFailureEnvelope('000105', parsed.error.issues[0]?.message ?? 'bad');
    const request = { endpoint: name, body: rawBody as Record<string, unknown> };
    this.requests.push(request);
    await this.onRequest?.(request, this.requests.length);
    if (this.failNext !== undefined) {
      const code = this.failNext;
      this.failNext = undefined;
      return buildEsimAccessFailureEnvelope(code, 'injected failure');
    }
    const obj = this.answer(name, parsed.data as Record<string, unknown>);
    if (obj instanceof Failure) return buildEsimAccessFailureEnvelope(obj.code, obj.message);
    // The fake checks itself against the provider's schema: a test never passes on a shape the provider would not send.
    return buildEsimAccessSuccessEnvelope(endpoint.response.parse(obj));
  }

  private answer(name: EsimAccessEndpointName, body: Record<string, unknown>): unknown {
    switch (name) {
      case 'queryProfiles':
        return this.query(body);
      case 'queryUsage':
        return {
          esimUsageList: (body.esimTranNoList as string[])
            .filter((tran) => this.profiles.some((p) => p.esimTranNo === tran))
            .map((tran) => {
              const p = this.profile(tran);
              return {
                esimTranNo: tran,
                dataUsage: p.orderUsage ?? 0,
                totalData: p.totalVolume ?? 0,
                lastUpdateTime: '2025-09-11T18:00:00+0000',
              };
            }),
        };
      case 'getBalance':
        return { balance: this.balance };
      default:
        return new Failure('000103', `the fake does not serve ${name}`);
    }
  }

  private query(body: Record<string, unknown>): unknown {
    const pager = body.pager as { pageNum: number; pageSize: number };
    let matches: EsimAccessProfile[];
    if (typeof body.orderNo === 'string' && body.orderNo !== '') {
      if (this.allocating.has(body.orderNo))
        return new Failure('200010', 'the batchOrder has been getting resource');
      matches = this.profiles.filter((p) => p.orderNo === body.orderNo);
      if (matches.length === 0) return new Failure('310272', "the orderNo doesn't exist");
    } else {
      const start = parseProviderTime(body.startTime as string) ?? 0;
      const end = parseProviderTime(body.endTime as string) ?? 0;
      matches = this.profiles.filter((p) => {
        const created = parseProviderTime(p.packageList[0]?.createTime) ?? 0;
        return !this.allocating.has(p.orderNo) && created >= start && created <= end;
      });
    }
    const from = (pager.pageNum - 1) * pager.pageSize;
    return {
      esimList: matches.slice(from, from + pager.pageSize),
      pager: { pageNum: pager.pageNum, pageSize: pager.pageSize, total: matches.length },
    };
  }
}

class Failure {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

export function esimAccessHandlers(fake: FakeEsimAccess, baseUrl = ESIM_ACCESS_URL) {
  return [
    http.post(`${baseUrl}/api/v1/open/*`, async ({ request }) => {
      const path = new URL(request.url).pathname;
      const body = await request.json().catch(() => undefined);
      const answer = await fake.handle(path, request.headers.get(ESIM_ACCESS_HEADERS.accessCode), body);
      return HttpResponse.json(answer as JsonBodyType);
    }),
  ];
}
