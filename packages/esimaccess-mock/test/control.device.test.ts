/**
 * The control routes for what a phone does to its profile: disable, enable again, delete. Each answers the profile
 * record, and refuses what the lifecycle does not allow with 409 and the provider's 200002.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findBase, type Harness, orderAllocated, overHttp } from './support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await overHttp();
});
afterEach(() => h.close());

async function post(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${h.baseUrl}/_sandbox/accounts/default${path}`, { method: 'POST' });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('control API: the phone', () => {
  it('disables, enables again and deletes a profile, the provider API showing each SM-DP+ status', async () => {
    const { esimTranNos } = await orderAllocated(
      h,
      findBase(h.mock, (p) => p.activeType === 1),
    );
    const id = esimTranNos[0]!;
    expect(await post(`/profiles/${id}/disable`)).toMatchObject({
      status: 409,
      body: { error: { code: '200002' } },
    });
    h.account.installProfile(id);
    const steps = [
      ['disable', 'DISABLED'],
      ['enable', 'ENABLED'],
      ['delete', 'DELETED'],
    ] as const;
    for (const [action, smdpStatus] of steps) {
      expect(await post(`/profiles/${id}/${action}`)).toMatchObject({ status: 200, body: { smdpStatus } });
      const [profile] = (
        await h.client().queryProfiles({ esimTranNo: id, pager: { pageNum: 1, pageSize: 5 } })
      ).esimList;
      expect(profile?.smdpStatus).toBe(smdpStatus);
    }
    expect(await post(`/profiles/${id}/enable`)).toMatchObject({
      status: 409,
      body: { error: { code: '200002' } },
    });
    expect(await post('/profiles/00000000000000/delete')).toMatchObject({
      status: 404,
      body: { error: { code: '310403' } },
    });
  });
});
