import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet from 'helmet';
import { SECURITY_HEADER_OPTIONS, securityHeaders } from './security-headers';

describe(securityHeaders.name, () => {
  it('holds exactly the headers helmet sets on a real response', () => {
    const request = new IncomingMessage(new Socket());
    const response = new ServerResponse(request);
    let completed = false;

    helmet(SECURITY_HEADER_OPTIONS)(request, response, () => {
      completed = true;
    });

    expect(completed).toBe(true);
    const fromHelmet = Object.fromEntries(
      Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]),
    );
    expect(securityHeaders()).toEqual(fromHelmet);
    expect(securityHeaders()).toMatchObject({
      'x-content-type-options': 'nosniff',
      'content-security-policy': expect.stringContaining("default-src 'self'"),
    });
  });
});
