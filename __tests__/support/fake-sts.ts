import { createServer } from 'http';
import { AddressInfo } from 'net';

/**
 * The AWS provider asks STS who it is (GetCallerIdentity) before any plan, and AWS is unreachable here.
 * This stands in for STS on loopback, so that plans run offline with the provider configured exactly as
 * we ship it (no skip_* flags). It answers every request as GetCallerIdentity for a fixed test account.
 */
export const FAKE_ACCOUNT_ID = '123456789012';

const RESPONSE = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:iam::${FAKE_ACCOUNT_ID}:user/offline-test</Arn>
    <UserId>AIDAOFFLINETEST</UserId>
    <Account>${FAKE_ACCOUNT_ID}</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`;

export interface FakeSts {
  readonly url: string;
  close(): Promise<void>;
}

export async function startFakeSts(): Promise<FakeSts> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'text/xml' });
      response.end(RESPONSE);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
