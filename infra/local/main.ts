import { parseArgs } from 'node:util';
import { LOCAL_CONSOLE_USERS } from '#infra/local/oidc-provider.ts';
import { startLocalRuntime } from '#infra/local/runtime.ts';

const { values } = parseArgs({
  options: {
    speed: { type: 'string', default: '0' },
    start: { type: 'string' },
  },
});
const speed = Number(values.speed);
if (!Number.isFinite(speed) || speed < 0) {
  console.error('--speed takes a number of virtual seconds per real second, like --speed 3600');
  process.exit(2);
}
const start = values.start ? new Date(values.start) : undefined;
if (start && Number.isNaN(start.getTime())) {
  console.error('--start takes an ISO 8601 date-time, like 2026-11-24T09:00:00+09:00');
  process.exit(2);
}

const runtime = await startLocalRuntime({ speed, start });
console.log(`Follow-up journeys are running locally (virtual time ${runtime.now().toISOString()}).
  API         ${runtime.apiUrl}   (POST /journeys, GET /journeys/{id}, GET|POST /forms/{token})
  Console     ${runtime.consoleUrl}   (sign in as ${LOCAL_CONSOLE_USERS.map(
    (user) => `${user.email} / ${user.password} [${user.groups.join(', ')}]`,
  ).join(' or ')})
  Clock       ${runtime.apiUrl}/local/clock   (POST {"advance":"P7D"} or {"to":"2027-04-01T09:00:00+09:00"})
  Mail (JSON) ${runtime.apiUrl}/local/emails
  Bounces     ${runtime.apiUrl}/local/bounces   (POST {"email":"someone@example.com"}: mail to it bounces from now on)
  Mail (page) ${runtime.sesUrl}/
  Link key    ${runtime.apiUrl}/local/rotate-link-key   (POST rotates it now)
  Events      ${runtime.apiUrl}/local/events   (POST {"Entries":[…]} as PutEvents takes them; GET lists what came in and went out)
  Dead letters ${runtime.apiUrl}/local/dead-letters   (events refused or failed, with why)
Press Ctrl+C to stop. Nothing is kept after it stops.`);

const stop = async () => {
  await runtime.stop();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
