import type { Logger } from '@reglament/shared/platform';
import { SMTPServer } from 'smtp-server';
import { type EmailIntake, RateLimited } from './intake';

export interface RunningSmtpListener {
  port: number;
  close(): Promise<void>;
}

/** An SMTP reply with its code (smtp-server sends `responseCode` and the message). */
function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * The SMTP door of the e-mail intake (`SMTP_IN_PORT`): a mail server delivers here; every mail
 * goes through the same intake as `receiveEmail`. No AUTH and no STARTTLS (it sits behind the
 * provider's mail server or on loopback); SIZE is announced and enforced (552), a sender over
 * its rate gets 451 (the sending server retries later), at most 20 connections at once.
 */
export async function startSmtpListener(
  intake: EmailIntake,
  options: { port: number; host: string; log: Logger },
): Promise<RunningSmtpListener> {
  const server = new SMTPServer({
    name: 'reglament-intake',
    banner: 'Reglament e-mail intake',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: intake.maxBytes,
    maxClients: 20,
    socketTimeout: 60_000,
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= intake.maxBytes) chunks.push(chunk);
      });
      stream.on('end', () => {
        if (stream.sizeExceeded || size > intake.maxBytes) {
          callback(smtpError(552, `5.3.4 Message too big: at most ${intake.maxBytes} bytes`));
          return;
        }
        const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
        intake.receive(Buffer.concat(chunks), 'SMTP', envelopeFrom || null).then(
          () => callback(),
          (error: unknown) => {
            if (error instanceof RateLimited) {
              callback(smtpError(451, `4.7.1 ${error.message}`));
              return;
            }
            options.log.error({ err: error }, 'inbound e-mail failed; the sender is told to retry');
            callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
          },
        );
      });
      stream.on('error', (error: Error) => callback(error));
    },
  });
  server.on('error', (error) => options.log.warn({ err: error.message }, 'SMTP intake connection error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  options.log.info({ port, host: options.host }, 'SMTP intake listening');
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
