/**
 * `npm start`: runs the shop against the providers named by the environment (the real ones, or a fake's URL).
 * @module
 */
import { startShop } from './server.js';

function env(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`reseller-app: set ${name}`);
    process.exit(2);
  }
  return value;
}

const shop = await startShop({
  esimAccess: {
    accessCode: env('ESIMACCESS_ACCESS_CODE'),
    secretKey: env('ESIMACCESS_SECRET_KEY'),
    baseUrl: process.env.ESIMACCESS_BASE_URL,
  },
  iroamly: {
    authKey: env('IROAMLY_AUTH_KEY'),
    authSecret: env('IROAMLY_AUTH_SECRET'),
    baseUrl: process.env.IROAMLY_BASE_URL,
  },
  shopEmail: process.env.SHOP_EMAIL ?? 'orders@shop.example',
  port: Number(process.env.PORT ?? 8080),
  publicUrl: process.env.PUBLIC_URL,
});
console.log(`reseller-app listening on ${shop.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void shop.close().then(() => process.exit(0)));
}
