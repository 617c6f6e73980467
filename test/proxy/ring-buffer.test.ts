// The one fixed-capacity ring behind the provider latency samples and the status page's last errors.
import { describe, expect, it } from 'vitest';
import { RingBuffer } from '../../src/proxy/ring-buffer.js';

describe('RingBuffer', () => {
  it('keeps the last `capacity` items, oldest first, overwriting the oldest once full', () => {
    const ring = new RingBuffer<number>(3);
    expect(ring.toArray()).toEqual([]);
    ring.push(1);
    ring.push(2);
    expect(ring.toArray()).toEqual([1, 2]);
    ring.push(3);
    ring.push(4);
    expect(ring.size).toBe(3);
    expect(ring.toArray()).toEqual([2, 3, 4]);
    for (let i = 5; i <= 10; i++) ring.push(i);
    expect(ring.toArray()).toEqual([8, 9, 10]);
    expect([...ring.unordered()].sort((a, b) => a - b)).toEqual([8, 9, 10]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).toThrow(/positive integer/);
    expect(() => new RingBuffer(1.5)).toThrow(/positive integer/);
  });
});
