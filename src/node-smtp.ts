// Node only: e-mail over SMTP with nodemailer (SMTP_URL: smtp://[user:pass@]host:port, or
// smtps://… for TLS from the start). Workers have no SMTP; there mail would need an HTTP mail API.
import nodemailer from 'nodemailer';
import type { MailSender } from './services/delivery.js';

export function smtpSender(mail: { url: string; from: string }): MailSender {
  // One connection per message (no pool): a mail server that restarts leaves no dead connection
  // behind. Short time limits, so a hung server fails the attempt well within its lease.
  const transport = nodemailer.createTransport({
    url: mail.url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message) {
      await transport.sendMail({
        from: mail.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: message.messageId,
        headers: message.headers,
      });
    },
  };
}
