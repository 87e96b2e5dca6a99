import type { Redis } from 'ioredis';
import { type Payment, paymentLine, paymentSchema } from '../domain/payments/payment.js';

const monthKey = (month: string) => `ob:payments:${month}`;

/** Payments per month and payroll line; a line's pay (an operator's stint in a month) is recorded once. */
export function createPaymentStore(redis: Redis) {
  return {
    /** Records the payment unless one exists for that operator and month; returns whether it was new. */
    async record(payment: Payment): Promise<boolean> {
      const written = await redis.hsetnx(
        monthKey(payment.month),
        paymentLine(payment),
        JSON.stringify(paymentSchema.parse(payment)),
      );
      return written === 1;
    },
    async inMonth(month: string): Promise<Payment[]> {
      return (await redis.hvals(monthKey(month))).map((raw) => paymentSchema.parse(JSON.parse(raw)));
    },
  };
}

export type PaymentStore = ReturnType<typeof createPaymentStore>;
