import { it, expect } from 'vitest';
it('works', () => { expect(1 + 1).toBe(2); });
