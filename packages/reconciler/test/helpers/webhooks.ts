/** Webhook payloads in the provider's wire format (NOTES 1.6), typed by core so they stay valid. */
import type {
  EsimAccessDataUsageWebhook,
  EsimAccessEsimStatusWebhook,
  EsimAccessOrderStatusWebhook,
  EsimAccessSmdpEventWebhook,
  EsimAccessValidityUsageWebhook,
  EsimAccessWebhookPayload,
} from '@esim-sandbox/core';
import type { Hono } from 'hono';

let counter = 0;
/** 32 hex characters, like the provider's notifyId. */
export const notifyId = () => (++counter).toString(16).padStart(32, '0');

export const profileRef = (n = 1) => ({
  orderNo: `B2509111327${String(n).padStart(4, '0')}`,
  esimTranNo: `2509111327${String(n).padStart(4, '0')}`,
  iccid: `894310817000${String(n).padStart(7, '0')}`,
  transactionId: `txn-${n}`,
});

type Ref = ReturnType<typeof profileRef>;

export const at = (minute: number) => `2025-09-11T13:${String(minute).padStart(2, '0')}:00+0000`;

export function smdpEvent(ref: Ref, esimStatus: string, smdpStatus: string, minute: number) {
  return {
    notifyType: 'SMDP_EVENT',
    notifyId: notifyId(),
    eventGenerateTime: at(minute),
    content: {
      ...ref,
      eid: smdpStatus === 'RELEASED' ? '' : '89049032007108882600137544319616',
      esimStatus,
      smdpStatus,
    },
  } as EsimAccessSmdpEventWebhook;
}

export function esimStatusEvent(ref: Ref, esimStatus: string, smdpStatus: string, minute: number) {
  return {
    notifyType: 'ESIM_STATUS',
    notifyId: notifyId(),
    eventGenerateTime: at(minute),
    content: { ...ref, esimStatus, smdpStatus },
  } as EsimAccessEsimStatusWebhook;
}

export function orderStatusEvent(ref: Ref): EsimAccessOrderStatusWebhook {
  return {
    notifyType: 'ORDER_STATUS',
    notifyId: notifyId(),
    eventGenerateTime: at(0),
    content: { orderNo: ref.orderNo, orderStatus: 'GOT_RESOURCE', transactionId: ref.transactionId },
  };
}

export function dataUsageEvent(
  ref: Ref,
  orderUsage: number,
  totalVolume: number,
): EsimAccessDataUsageWebhook {
  return {
    notifyType: 'DATA_USAGE',
    notifyId: notifyId(),
    eventGenerateTime: at(30),
    content: {
      ...ref,
      totalVolume,
      orderUsage,
      remain: totalVolume - orderUsage,
      remainThreshold: 0.1,
      lastUpdateTime: '2025-09-11T13:30:00Z',
    },
  };
}

export function validityEvent(ref: Ref, expiredTime: string): EsimAccessValidityUsageWebhook {
  return {
    notifyType: 'VALIDITY_USAGE',
    notifyId: notifyId(),
    eventGenerateTime: at(40),
    content: {
      orderNo: ref.orderNo,
      transactionId: ref.transactionId,
      iccid: ref.iccid,
      esimTranNo: ref.esimTranNo,
      durationUnit: 'DAY',
      totalDuration: 30,
      expiredTime,
      remain: 1,
    },
  };
}

export const checkHealth: EsimAccessWebhookPayload = {
  notifyType: 'CHECK_HEALTH',
  content: { orderNo: '1234567890', orderStatus: 'Test' },
};

/** POSTs a body the way the provider does: JSON, to the mounted path. */
export function deliver(app: Hono, body: unknown, path = '/webhooks/esimaccess') {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
