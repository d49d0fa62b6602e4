import { describe, expect, it } from 'vitest';
import { postOnce } from '../../src/integrations/webhooks/post';
import { assertSendable, isPrivateAddress, urlPolicy } from '../../src/integrations/webhooks/ssrf';

describe('webhook address guard', () => {
  it.each([
    ['10.0.0.1', true], ['172.16.5.4', true], ['172.32.0.1', false], ['192.168.1.1', true], ['127.0.0.1', true], ['169.254.169.254', true],
    ['100.64.0.1', true], ['0.0.0.0', true], ['224.0.0.1', true], ['255.255.255.255', true], ['8.8.8.8', false], ['93.184.216.34', false],
    ['::1', true], ['::', true], ['fe80::1', true], ['fd12:3456::1', true], ['::ffff:10.0.0.1', true], ['::ffff:8.8.8.8', false], ['::ffff:7f00:1', true],
    ['2606:4700:4700::1111', false], ['not-an-ip', true],
  ])('%s private: %s', (ip, expected) => {
    expect(isPrivateAddress(ip)).toBe(expected);
  });

  const prod = urlPolicy({ env: 'production', webhooksAllowPrivate: false });
  const dev = urlPolicy({ env: 'development', webhooksAllowPrivate: false });
  const allowed = urlPolicy({ env: 'production', webhooksAllowPrivate: true });
  const resolvesTo = (addresses: string[]) => async () => addresses;

  it.each([
    ['https public name', 'https://hooks.example.com/x', prod, ['93.184.216.34'], true],
    ['http in production', 'http://hooks.example.com/x', prod, ['93.184.216.34'], false],
    ['http in development', 'http://hooks.example.com/x', dev, ['93.184.216.34'], true],
    ['name resolving to a private address', 'https://internal.example.com/x', prod, ['10.1.2.3'], false],
    ['one of several addresses private', 'https://mixed.example.com/x', prod, ['93.184.216.34', '127.0.0.1'], false],
    ['metadata address literal', 'http://169.254.169.254/latest', dev, [], false],
    ['private literal', 'http://10.0.0.1/hook', dev, [], false],
    ['IPv6 loopback literal', 'https://[::1]/x', prod, [], false],
    ['credentials in the URL', 'https://user:pw@hooks.example.com/x', prod, ['93.184.216.34'], false],
    ['ftp', 'ftp://hooks.example.com/x', prod, ['93.184.216.34'], false],
    ['not a URL', 'hooks', prod, [], false],
    ['private allowed by the flag', 'http://127.0.0.1:4000/x', allowed, [], true],
  ] as const)('%s', async (_name, url, policy, addresses, ok) => {
    const result = assertSendable(url, policy, resolvesTo([...addresses]));
    if (ok) await expect(result).resolves.toBeInstanceOf(URL);
    else await expect(result).rejects.toThrow('URL refused');
  });

  it('a name that does not resolve is refused', async () => {
    await expect(assertSendable('https://nowhere.invalid/x', prod, async () => Promise.reject(new Error('ENOTFOUND')))).rejects.toThrow('does not resolve');
  });

  it('the connection itself refuses a name that resolves to a private address (the address checked is the one used)', async () => {
    // localhost resolves to a loopback address at connection time: refused before any byte is sent, whatever an
    // earlier check said (DNS rebinding).
    await expect(postOnce(new URL('http://localhost:9/x'), {}, '{}', { timeoutMs: 2000, allowPrivate: false })).rejects.toThrow('URL refused');
  });
});
