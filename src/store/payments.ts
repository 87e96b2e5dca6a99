import type { Redis } from 'ioredis';
import { type Payment, paymentSchema } from '../domain/payments/payment.js';

const monthKey = (month: string) => `ob:payments:${month}`;

/** Payments per month and operator; a month's pay of one operator is recorded once. */
export function createPaymentStore(redis: Redis) {
  return {
    /** Records the payment unless one exists for that operator and month; returns whether it was new. */
    async record(payment: Payment): Promise<boolean> {
      const written = await redis.hsetnx(
        monthKey(payment.month),
        payment.login.toLowerCase(),
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
