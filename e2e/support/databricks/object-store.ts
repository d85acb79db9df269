// The emulated workspace's cloud "object store": what a presigned URL from credentials-for-read
// points at. Like S3 or Azure Blob it serves a file only to a request carrying the URL's signature,
// before its expiry, and with the headers the credential named; the bytes are the real run's,
// read from the real MLflow.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';

export const STORE_PREFIX = '/e2e-object-store/';
/** The header every credential names; a GET without it is refused, as Azure refuses one without x-ms-*. */
export const STORE_HEADER = 'x-e2e-store-key';

export interface SignedCredential {
  run_id: string;
  path: string;
  signed_uri: string;
  type: 'AWS_PRESIGNED_URL';
  headers: { name: string; value: string }[];
}

export class ObjectStore {
  private readonly secret = randomBytes(32);
  /** Every URL handed out, so a test can look for them where they must not be. */
  readonly issued: string[] = [];

  constructor(
    private readonly baseUrl: () => string,
    private readonly mlflowUrl: URL,
  ) {}

  sign(runId: string, path: string, lifetimeMs: number): SignedCredential {
    const expires = String(Date.now() + lifetimeMs);
    const resource = `${encodeURIComponent(runId)}/${path.split('/').map(encodeURIComponent).join('/')}`;
    const signature = this.mac(`${resource}\n${expires}`);
    const url = `${this.baseUrl()}${STORE_PREFIX}${resource}?X-Expires=${expires}&X-Signature=${signature}`;
    this.issued.push(url);
    return {
      run_id: runId,
      path,
      signed_uri: url,
      type: 'AWS_PRESIGNED_URL',
      headers: [{ name: STORE_HEADER, value: this.mac(`header\n${signature}`) }],
    };
  }

  /** Answers one GET on a signed URL; returns the status, for the workspace's log. */
  serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<number> {
    const url = new URL(req.url ?? '/', 'http://store');
    const resource = url.pathname.slice(STORE_PREFIX.length);
    const expires = url.searchParams.get('X-Expires') ?? '';
    const signature = url.searchParams.get('X-Signature') ?? '';
    const refuse = (status: number, code: string, message: string) => {
      // S3 answers in XML; the code and message are what a caller may show.
      res.writeHead(status, { 'content-type': 'application/xml' });
      res.end(`<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
      return Promise.resolve(status);
    };
    if (req.method !== 'GET') return refuse(405, 'MethodNotAllowed', 'Only GET is signed.');
    if (!this.matches(signature, `${resource}\n${expires}`)) {
      return refuse(403, 'SignatureDoesNotMatch', 'The signature does not match.');
    }
    if (Date.now() > Number(expires)) return refuse(403, 'AccessDenied', 'Request has expired');
    const header = req.headers[STORE_HEADER];
    if (typeof header !== 'string' || !this.matches(header, `header\n${signature}`)) {
      return refuse(403, 'AccessDenied', `The signed header ${STORE_HEADER} is missing or wrong.`);
    }
    const [runId = '', ...parts] = resource.split('/');
    const query = new URLSearchParams({
      path: parts.map(decodeURIComponent).join('/'),
      run_uuid: decodeURIComponent(runId),
    });
    return new Promise((resolve) => {
      const upstream = http.get(
        new URL(`/get-artifact?${query.toString()}`, this.mlflowUrl),
        { headers: req.headers.range ? { range: req.headers.range } : {} },
        (up) => {
          const status = up.statusCode ?? 502;
          if (status === 404) {
            up.resume();
            void refuse(404, 'NoSuchKey', 'The specified key does not exist.').then(resolve);
            return;
          }
          const headers: http.OutgoingHttpHeaders = {};
          for (const name of ['content-length', 'content-range', 'accept-ranges']) {
            if (up.headers[name] !== undefined) headers[name] = up.headers[name];
          }
          // A bucket knows nothing of file types beyond what was uploaded: bytes, as S3 would.
          headers['content-type'] = 'binary/octet-stream';
          res.writeHead(status, headers);
          up.pipe(res);
          resolve(status);
        },
      );
      upstream.on('error', () => {
        res.destroy();
        resolve(502);
      });
    });
  }

  private mac(text: string): string {
    return createHmac('sha256', this.secret).update(text).digest('hex');
  }

  private matches(given: string, text: string): boolean {
    const expected = Buffer.from(this.mac(text));
    const actual = Buffer.from(given);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }
}
