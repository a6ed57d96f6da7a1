import { describe, expect, it } from 'vitest';
import { tokensMatch } from '../../../src/infra/http/admin-auth.js';

describe('tokensMatch', () => {
  it.each([
    ['secret-token-123456', 'secret-token-123456', true],
    ['secret-token-123457', 'secret-token-123456', false],
    ['', 'secret-token-123456', false],
    ['secret-token-1234567890', 'secret-token-123456', false],
  ])('%s vs %s → %s', (given, expected, result) => {
    expect(tokensMatch(given, expected)).toBe(result);
  });
});
