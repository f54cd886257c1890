// The one pino logger factory: structured JSON lines, service name, personal data redacted.
import { pino, stdSerializers, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { redactPersonalData, scrubText } from './redaction.ts';

export type { Logger } from 'pino';

export interface CreateLoggerOptions {
  service: string;
  level?: string;
  /** Where lines go; tests pass an in-memory stream. Defaults to stdout. */
  destination?: DestinationStream;
}

interface RequestLike {
  method?: string;
  url?: string;
  ip?: string;
  socket?: { remoteAddress?: string };
}

export function createLogger({ service, level = 'info', destination }: CreateLoggerOptions): Logger {
  const options: LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => redactPersonalData(object) as Record<string, unknown>,
    },
    serializers: {
      // Never headers: they carry keys. The URL is scrubbed of personal IDs.
      req: (request: RequestLike) => ({
        method: request.method,
        url: request.url === undefined ? undefined : scrubText(request.url),
        remoteAddress: request.ip ?? request.socket?.remoteAddress,
      }),
      res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
      err: (error: Error) => {
        const serialized = stdSerializers.err(error);
        return { ...serialized, message: scrubText(serialized.message), stack: scrubText(serialized.stack) };
      },
    },
    hooks: {
      // A message string can carry an ID too (e.g. an error text); scrub it like any field.
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as Parameters<typeof method>);
      },
    },
  };
  // Synchronous writes to stdout: lines reach it in the order they were logged, and none is lost when a
  // process exits or is killed with writes still buffered.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}
