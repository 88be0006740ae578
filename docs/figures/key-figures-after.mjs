// The key figures of a period as the API answers them today (the "after" of docs/methodology.md,
// "What these rules changed, in figures"): key figures, plan versus actual and churn to competitors.
// docs/figures/key-figures-before.sql computes the same "after" in SQL beside the "before".
//
//   node docs/figures/key-figures-after.mjs [--api http://localhost:3000] [--from 2026-09] [--to 2026-11]
//
// Signs in with API_USER / API_PASSWORD (default: the demo executive).
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    api: { type: 'string', default: 'http://localhost:3000' },
    from: { type: 'string', default: '2026-09' },
    to: { type: 'string', default: '2026-11' },
  },
});
const api = values.api.replace(/\/$/, '');

async function call(path, init = {}) {
  const res = await fetch(`${api}/api${path}`, init);
  if (!res.ok)
    throw new Error(
      `${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`,
    );
  return res.json();
}

const { accessToken } = await call('/auth/login', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    username: process.env.API_USER ?? 'executive',
    password: process.env.API_PASSWORD ?? 'executive',
  }),
});
const auth = { headers: { authorization: `Bearer ${accessToken}` } };
const period = `from=${values.from}&to=${values.to}`;
const timed = async (path) => {
  const t0 = performance.now();
  const body = await call(path, auth);
  return { body, ms: Math.round(performance.now() - t0) };
};
const key = await timed(`/reports/key-figures?${period}`);
const plan = await timed(`/reports/plan-vs-actual?${period}`);
const competitors = await timed(`/reports/churn-to-competitors?${period}`);

const fig = Object.fromEntries(key.body.figures.map((f) => [f.key, f.value]));
const pct = (x) => (x === null ? 'none' : `${(x * 100).toFixed(2)} %`);
const sum = (k) => plan.body.rows.reduce((s, r) => s + (r[k] ?? 0), 0);
const lost = Math.round(fig.churn_rate * fig.subscribers_start);
const nonPayment = Math.round(fig.non_payment_rate * fig.subscribers_start);

console.log(
  `Period ${values.from}..${values.to} (through ${key.body.through ?? 'the end'}), ${api}`,
);
console.log(
  `churn rate                          ${pct(fig.churn_rate)} (${lost} of ${fig.subscribers_start} at the start)`,
);
console.log(
  `non-payment rate                    ${pct(fig.non_payment_rate)} (${nonPayment})`,
);
console.log(`new-subscriber churn                ${fig.new_subscriber_churn}`);
console.log(`technical closures                  ${fig.technical_closures}`);
console.log(
  `revenue churn                       ${pct(fig.revenue_churn)} (net revenue retention ${pct(fig.revenue_retention)})`,
);
console.log(`save rate                           ${pct(fig.save_rate)}`);
console.log(`managed churn (churned services)    ${sum('actualManaged')}`);
console.log(`unmanaged churn (churned services)  ${sum('actualUnmanaged')}`);
console.log(`non-payment (subscriptions ended)   ${sum('actualNonPayment')}`);
console.log(
  `went to a competitor (subscribers)  ${competitors.body.total.subscribers}`,
);
console.log(
  `answer times: key figures ${key.ms} ms, plan versus actual ${plan.ms} ms, churn to competitors ${competitors.ms} ms`,
);
