// The ceiling of the read benchmark (B3): bare fastify answering every GET with one constant JSON document
// of the size of a citizen-api answer — no key, no purpose, no Redis, no audit.
import { fastify } from 'fastify';

const port = Number(process.env.PORT ?? 0);
const size = Number(process.env.BODY_BYTES ?? 600);
// A JSON object padded to the requested length, built once.
const body = JSON.stringify({ personalId: '001203012345', padding: 'x'.repeat(Math.max(0, size - 44)) });

const app = fastify({ logger: false, keepAliveTimeout: 72_000 });
app.get('/*', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
const address = await app.listen({ port, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ msg: 'listening', url: address })}\n`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
