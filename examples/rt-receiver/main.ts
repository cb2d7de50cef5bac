// Starts the example receipt endpoint (`npm run rt-receiver`): configuration from the environment (and .env).
import { config as loadDotenv } from 'dotenv';
import { createRtReceiver } from './receiver.ts';

loadDotenv({ quiet: true, path: process.env.DOTENV_CONFIG_PATH ?? '.env' });
const env = (name: string, fallback: string) => process.env[name]?.trim() || fallback;

const host = env('RT_RECEIVER_HOST', '127.0.0.1');
const port = Number(env('RT_RECEIVER_PORT', '5900'));
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`RT_RECEIVER_PORT must be a TCP port (0-65535), got ${JSON.stringify(process.env.RT_RECEIVER_PORT)}`);
  process.exit(2);
}
const ecFiscalCode = env('EC_FISCAL_CODE', '77777777777');
const brokerCode = env('BROKER_CODE', ecFiscalCode);
const stationId = env('STATION_ID', `${brokerCode}_01`);
const storeFile = process.env.RT_RECEIVER_STORE?.trim() || undefined;

const receiver = createRtReceiver({ ecFiscalCodes: [ecFiscalCode], brokerCode, stationId, storeFile });
receiver.server.listen(port, host, () => {
  const address = receiver.server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  console.log(
    `RT receiver listening on http://${host}:${bound}/ (EC ${ecFiscalCode}, broker ${brokerCode}, station ${stationId}${storeFile ? `, store ${storeFile}` : ''})`,
  );
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => receiver.server.close(() => process.exit(0)));
