import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forwardRequest } from '#infra/local/forward-request.ts';

/**
 * Faults the local runtime can be told to inject, for tests that prove nothing is lost or duplicated: a
 * service that is unreachable for a while, SES throttling, a handler that throws once before or after doing
 * its work (as Lambda does when it times out after a write). Never on unless a test asks.
 */
export class LocalFaults {
  readonly #handlerFaults = new Map<string, ('before' | 'after')[]>();

  /** The next `times` invocations of the function fail, before it runs or after it has done its work. */
  failNext(functionName: string, when: 'before' | 'after', times = 1): void {
    const queue = this.#handlerFaults.get(functionName) ?? [];
    queue.push(...Array<'before' | 'after'>(times).fill(when));
    this.#handlerFaults.set(functionName, queue);
  }

  /** Runs one invocation with whatever fault is queued for it. */
  async around<T>(functionName: string, invoke: () => Promise<T>): Promise<T> {
    const fault = this.#handlerFaults.get(functionName)?.shift();
    if (fault === 'before') throw injected(functionName);
    const result = await invoke();
    if (fault === 'after') throw injected(functionName);
    return result;
  }
}

const injected = (functionName: string): Error =>
  Object.assign(new Error(`injected fault in ${functionName}`), { name: 'InjectedFault' });

interface ServiceAnswer {
  contentType: string;
  body: string;
}

/** One request as a hold sees it: the operation (`x-amz-target`, when the protocol has one) and the body. */
export interface HeldRequest {
  target: string;
  body: string;
}

interface Hold {
  matches: (request: HeldRequest) => boolean;
  arrived: () => void;
  released: Promise<void>;
}

interface ServiceAnswers {
  throttling: ServiceAnswer;
  rejection?: ServiceAnswer;
}

/**
 * How each service says "too fast" (retried by the SDK) and, where a test needs it, "no" (not retried: the
 * caller's own failure handling has to cope), in its own protocol.
 */
export const faultAnswers = {
  ses: {
    throttling: {
      contentType: 'text/xml',
      body: `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Maximum sending rate exceeded.</Message></Error><RequestId>local-throttle</RequestId></ErrorResponse>`,
    },
    // As SES words it, quoting the address it refused: what a failure path must not carry on.
    rejection: {
      contentType: 'text/xml',
      body: `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>MessageRejected</Code><Message>Email address is not verified. The following identities failed the check in region AP-NORTHEAST-1: hanako.yamada@example.com</Message></Error><RequestId>local-reject</RequestId></ErrorResponse>`,
    },
  },
  dynamo: {
    throttling: {
      contentType: 'application/x-amz-json-1.0',
      body: JSON.stringify({
        __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException',
        message: 'Rate of requests exceeds the allowed throughput.',
      }),
    },
  },
  stepFunctions: {
    throttling: {
      contentType: 'application/x-amz-json-1.0',
      body: JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' }),
    },
  },
} as const satisfies Record<string, ServiceAnswers>;

/**
 * A proxy in front of a local service that can drop connections for a while (the service is unreachable) or
 * answer requests with the service's throttling error or its refusal, the way the real service fails.
 */
export class FaultProxy {
  #downUntil = 0;
  #throttleNext = 0;
  #rejectNext = 0;
  readonly #answers: ServiceAnswers;
  readonly #holds: Hold[] = [];
  #ratePerSecond = Number.POSITIVE_INFINITY;
  throttled = 0;
  rejected = 0;
  /** When each request that was let through arrived (epoch ms): what a send-rate measurement reads. */
  readonly accepted: number[] = [];
  readonly #server: Server;

  private constructor(target: URL, answers: ServiceAnswers) {
    const answer = (outgoing: ServerResponse, { contentType, body }: ServiceAnswer) =>
      outgoing.writeHead(400, { 'content-type': contentType }).end(body);
    this.#answers = answers;
    this.#server = createServer((incoming, outgoing) => {
      if (Date.now() < this.#downUntil) {
        incoming.socket.destroy();
        return;
      }
      const arrived = Date.now();
      if (this.#rejectNext > 0 && answers.rejection) {
        this.#rejectNext -= 1;
        this.rejected += 1;
        incoming.resume();
        answer(outgoing, answers.rejection);
        return;
      }
      if (this.#throttleNext > 0 || this.#overRate(arrived)) {
        this.#throttleNext = Math.max(0, this.#throttleNext - 1);
        this.throttled += 1;
        incoming.resume();
        answer(outgoing, answers.throttling);
        return;
      }
      this.accepted.push(arrived);
      const upstream = () =>
        forwardRequest(target, incoming, outgoing, (response) => {
          outgoing.writeHead(response.statusCode ?? 502, response.headers);
          response.pipe(outgoing);
        });
      if (this.#holds.length === 0) {
        incoming.pipe(upstream());
        return;
      }
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', async () => {
        const body = Buffer.concat(chunks);
        const seen = { target: String(incoming.headers['x-amz-target'] ?? ''), body: body.toString('utf8') };
        const index = this.#holds.findIndex((hold) => hold.matches(seen));
        const [hold] = index >= 0 ? this.#holds.splice(index, 1) : [];
        if (hold) {
          hold.arrived();
          await hold.released;
        }
        upstream().end(body);
      });
    });
  }

  static async start(target: string, answers: ServiceAnswers): Promise<FaultProxy> {
    const proxy = new FaultProxy(new URL(target), answers);
    await new Promise<void>((resolve) => proxy.#server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** Connections are dropped for this many real milliseconds. */
  outage(milliseconds: number): void {
    this.#downUntil = Date.now() + milliseconds;
  }

  throttleNext(requests: number): void {
    this.#throttleNext = requests;
  }

  /** The next requests get the service's refusal, which SDKs do not retry (SES: MessageRejected). */
  rejectNext(requests: number): void {
    if (!this.#answers.rejection) throw new Error('this service has no refusal to answer with');
    this.#rejectNext = requests;
  }

  /**
   * Parks the next request that `matches` until released, then lets it through unchanged: a test holds one write
   * of a step at a chosen point, runs another request to its end meanwhile, and lets the held one go on, which
   * forces an interleaving that timing alone would rarely hit. `held` resolves once the request is parked.
   */
  holdNext(matches: (request: HeldRequest) => boolean): { held: Promise<void>; release: () => void } {
    let arrived = () => {};
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.#holds.push({ matches, arrived, released });
    return { held, release };
  }

  /** Answers Throttling to any request beyond this many in the last second, as SES does past its sending rate. */
  limitRate(perSecond: number): void {
    this.#ratePerSecond = perSecond;
  }

  #overRate(now: number): boolean {
    if (!Number.isFinite(this.#ratePerSecond)) return false;
    let inLastSecond = 0;
    for (
      let index = this.accepted.length - 1;
      index >= 0 && (this.accepted[index] ?? 0) > now - 1000;
      index -= 1
    ) {
      inLastSecond += 1;
    }
    return inLastSecond >= this.#ratePerSecond;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }
}
