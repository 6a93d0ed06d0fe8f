import { describe, expect, it } from 'vitest';
import { qrImageUrl, renderOutboxMessage } from '../src/state/outbox.js';
import type { OutboxMessage } from '../src/state/types.js';
import { T0 } from './builders.js';

const redeemed: OutboxMessage = {
  id: 'msg_2',
  kind: 'qr_redeemed',
  to: 'traveller@example.com',
  subject: 'Your eSIM QR code',
  createdAt: T0,
  redemptionId: 'rdm_1',
  codes: [
    {
      redeemCode: 'abcdefghijklm',
      productCode: 'm8hed7h2fed',
      plan: 'France <5GB> 30 Days',
      expire_at: '2024-11-28',
      lpa: 'LPA:1$rsp.iroamly-sandbox.test$ABC',
      qrToken: 'f00d',
    },
  ],
};

describe('renderOutboxMessage', () => {
  const rendered = renderOutboxMessage(redeemed, 'http://127.0.0.1:4010');

  it('turns the QR token into an absolute URL on the base it is given', () => {
    expect(rendered.codes[0]?.qrcode).toBe('http://127.0.0.1:4010/qrcode/f00d.png');
    expect(rendered.codes[0]).not.toHaveProperty('qrToken');
    expect(qrImageUrl('https://api.iroamly.shop/', 'f00d')).toBe('https://api.iroamly.shop/qrcode/f00d.png');
  });

  it('writes the virtual time as ISO 8601', () => {
    expect(rendered.createdAt).toBe('2024-06-01T12:00:00.000Z');
  });

  it('puts the code, the activation code and the QR URL in the text body', () => {
    expect(rendered.text).toContain('abcdefghijklm');
    expect(rendered.text).toContain('LPA:1$rsp.iroamly-sandbox.test$ABC');
    expect(rendered.text).toContain('http://127.0.0.1:4010/qrcode/f00d.png');
  });

  it('embeds the QR image in the html body and escapes text', () => {
    expect(rendered.html).toContain('<img src="http://127.0.0.1:4010/qrcode/f00d.png"');
    expect(rendered.html).toContain('France &#60;5GB&#62; 30 Days');
    expect(rendered.html).not.toContain('<5GB>');
  });

  it('states the reason in a failure mail', () => {
    const failed = renderOutboxMessage(
      { ...redeemed, kind: 'redemption_failed', failureReason: 'pool empty', codes: [] },
      'http://x',
    );
    expect(failed.text).toContain('pool empty');
  });
});
