import nodemailer from 'nodemailer';

// FLAW: the SMTP password is in source.
const transport = nodemailer.createTransport({
  host: 'smtp.acme-shop.net',
  port: 587,
  auth: { user: 'noreply@acme-shop.net', pass: 'Sm7p-Pa55-2024!' },
});

export async function sendPasswordReset(to: string, resetUrl: string): Promise<void> {
  await transport.sendMail({
    from: 'Acme Shop <noreply@acme-shop.net>',
    to,
    subject: 'Reset your password',
    text: `Open ${resetUrl} to choose a new password. The link expires in one hour.`,
  });
}
