import { describe, expect, it } from 'vitest';
import { ApiError, codeForStatus } from '../src/api/api-error';
import { errorText } from '../src/api/error-text';
import { extractError } from '../src/api/extract-error';

describe('extractError', () => {
  it('reads an ApiError', () => {
    const info = extractError(new ApiError('FORBIDDEN', 403, 'Interdit', { a: 1 }, 'req-1'));
    expect(info).toEqual({ code: 'FORBIDDEN', message: 'Interdit', status: 403, details: { a: 1 }, requestId: 'req-1' });
  });

  it('reads the API body shape { error: { code, message, details } }', () => {
    const info = extractError({ error: { code: 'VALIDATION_FAILED', message: 'bad', details: { field: 'email' } } });
    expect(info.code).toBe('VALIDATION_FAILED');
    expect(info.message).toBe('bad');
    expect(info.details).toEqual({ field: 'email' });
  });

  it('reads a better-auth client error wrapping our server shape', () => {
    const info = extractError({ status: 401, statusText: 'Unauthorized', error: { code: 'INVALID_CREDENTIALS', message: 'Non' } });
    expect(info).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Non', status: 401 });
  });

  it("reads a better-auth client error in better-auth's own shape { code, message }", () => {
    const info = extractError({ status: 401, statusText: 'Unauthorized', code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' });
    expect(info).toMatchObject({ code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password', status: 401 });
  });

  it('treats failed fetches as NETWORK, also when better-fetch wraps them', () => {
    expect(extractError(new TypeError('Failed to fetch')).code).toBe('NETWORK');
    expect(extractError({ status: 500, statusText: 'Fetch Error', error: new TypeError('x') }).code).toBe('NETWORK');
  });

  it('copes with plain errors, strings and junk', () => {
    expect(extractError(new Error('boom'))).toMatchObject({ code: null, message: 'boom' });
    expect(extractError('oops')).toMatchObject({ code: null, message: 'oops' });
    expect(extractError(null)).toMatchObject({ code: null, message: null });
    expect(extractError({ status: 502, statusText: 'Bad Gateway' })).toMatchObject({ code: null, message: null, status: 502 });
  });
});

describe('codeForStatus', () => {
  it('maps bare statuses to stable codes', () => {
    expect(codeForStatus(404)).toBe('NOT_FOUND');
    expect(codeForStatus(502)).toBe('NETWORK');
    expect(codeForStatus(0)).toBe('NETWORK');
    expect(codeForStatus(418)).toBe('UNKNOWN');
  });
});

describe('errorText', () => {
  it('prefers the catalogue text for errors.<code>', () => {
    expect(errorText('fr', { error: { code: 'FORBIDDEN', message: 'server text' } })).toBe(
      "Vous n'avez pas les droits pour cette action.",
    );
    expect(errorText('en', new ApiError('FORBIDDEN', 403, 'texte serveur'))).toBe('You are not allowed to do this.');
  });

  it('fills the catalogue parameters from the error', () => {
    expect(errorText('en', new ApiError('INTERNAL', 500, 'x', undefined, 'abc123'))).toBe('Internal server error. Reference: abc123.');
    expect(errorText('en', { error: { code: 'AUTH', message: 'token expired' } })).toBe('Authentication failed: token expired.');
  });

  it('translates better-auth and client-side codes', () => {
    expect(errorText('en', { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password', status: 401 })).toBe(
      'Wrong email address or password.',
    );
    expect(errorText('en', new ApiError('NETWORK', 0, ''))).toMatch(/Cannot reach the server/);
  });

  it('falls back to the server message, then to a generic text', () => {
    expect(errorText('en', { error: { code: 'SOMETHING_NEW', message: 'Le serveur dit non' } })).toBe('Le serveur dit non');
    expect(errorText('en', {})).toBe('Something unexpected went wrong.');
  });
});
