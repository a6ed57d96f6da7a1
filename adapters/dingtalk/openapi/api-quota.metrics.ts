import { Gauge, type Registry } from 'prom-client';
import type { ApiQuota } from './api-quota.js';

/**
 * The month's DingTalk OpenAPI use beside its quota, read from Redis at scrape time (every
 * process's calls count there), so an alert can fire well before DingTalk starts refusing.
 */
export function registerApiQuotaMetrics(
  registry: Registry,
  quota: ApiQuota,
  monthlyQuota: number,
): void {
  new Gauge({
    name: 'baton_dingtalk_api_calls_this_month',
    help: 'DingTalk OpenAPI calls that count against the monthly quota, this China month so far',
    registers: [registry],
    async collect() {
      this.set(await quota.used());
    },
  });
  new Gauge({
    name: 'baton_dingtalk_api_quota_per_month',
    help: 'The monthly DingTalk OpenAPI quota Baton counts against (DINGTALK_MONTHLY_QUOTA)',
    registers: [registry],
  }).set(monthlyQuota);
}
