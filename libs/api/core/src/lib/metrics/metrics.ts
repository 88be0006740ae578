import cluster from 'node:cluster';
import { Global, Injectable, Module } from '@nestjs/common';
import { AggregatorRegistry, collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** A worker's request for the whole cluster's metrics, and the primary's answer (Node's cluster IPC). */
const ASK = 'retention:metrics-ask';
const ANSWER = 'retention:metrics-answer';

/**
 * The application's Prometheus metrics, one registry per application (not prom-client's global one, so
 * that several applications in one process, as in the tests, do not collide). Features inject this to
 * count what they see; the gauges read at scrape time are registered where their source lives.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly loginFailures = new Counter({
    name: 'login_failures_total',
    help: 'Refused sign-ins (wrong user name or password, inactive user)',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // A worker of the cluster (WORKERS > 1) hands its own metrics to the primary when asked, for the sum.
    if (cluster.isWorker) {
      new AggregatorRegistry();
      AggregatorRegistry.setRegistries([this.registry]);
    }
  }

  /**
   * What a scrape reads. One process: its own metrics. A worker of the cluster: every worker's, added up by
   * the primary (counters and histograms summed; a gauge of the database's state, which every worker reads
   * alike, declares `aggregator: 'first'`), since the scrape lands on whichever worker the cluster picks.
   */
  text(): Promise<string> {
    return cluster.isWorker && process.send ? askPrimary() : this.registry.metrics();
  }
}

let asked = 0;

function askPrimary(): Promise<string> {
  const id = `${process.pid}:${++asked}`;
  return new Promise((resolve, reject) => {
    const answered = (m: { type?: string; id?: string; text?: string; error?: string }) => {
      if (m?.type !== ANSWER || m.id !== id) return;
      clearTimeout(timer);
      process.off('message', answered);
      if (m.error !== undefined) reject(new Error(`The cluster's metrics: ${m.error}`));
      else resolve(m.text ?? '');
    };
    const timer = setTimeout(() => {
      process.off('message', answered);
      reject(new Error("The cluster's metrics did not arrive within 10 s."));
    }, 10_000);
    process.on('message', answered);
    process.send?.({ type: ASK, id });
  });
}

/**
 * The primary of a cluster (WORKERS > 1) answers a worker's scrape with the sum of every worker's metrics
 * (prom-client's AggregatorRegistry asks each worker over the cluster's IPC channel).
 */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, m: { type?: string; id?: string }) => {
    if (m?.type !== ASK) return;
    aggregator.clusterMetrics().then(
      (text) => worker.isConnected() && worker.send({ type: ANSWER, id: m.id, text }),
      (e: Error) => worker.isConnected() && worker.send({ type: ANSWER, id: m.id, error: e.message }),
    );
  });
}

/** Provides the one `Metrics` of the application to every module. */
@Global()
@Module({ providers: [Metrics], exports: [Metrics] })
export class MetricsModule {}
