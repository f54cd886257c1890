import { describe, expect, it } from 'vitest';
import { sliceTopicMessages } from '@lgsp/kafka';

const message = (bytes: number, key = 'k') => ({ key, value: 'x'.repeat(bytes) });

describe('slicing a publish into produce requests', () => {
  it('keeps a small publish in one request, in order', () => {
    const slices = sliceTopicMessages([{ topic: 'a', messages: [message(10, '1'), message(10, '2')] }, { topic: 'b', messages: [message(10, '3')] }], 1000);
    expect(slices).toHaveLength(1);
    expect(slices[0]!.flatMap((batch) => batch.messages.map((m) => m.key))).toEqual(['1', '2', '3']);
  });

  it('cuts a large publish into requests under the limit without losing or reordering a message', () => {
    const messages = Array.from({ length: 100 }, (_, i) => message(100, String(i)));
    const slices = sliceTopicMessages([{ topic: 'a', messages }], 1_000);
    expect(slices.length).toBeGreaterThan(10);
    expect(slices.flatMap((slice) => slice.flatMap((batch) => batch.messages.map((m) => m.key)))).toEqual(messages.map((m) => m.key));
  });

  it('sends a single message over the limit on its own rather than dropping it', () => {
    const slices = sliceTopicMessages([{ topic: 'a', messages: [message(10, 'small'), message(5_000, 'big'), message(10, 'after')] }], 1_000);
    expect(slices.map((slice) => slice.flatMap((batch) => batch.messages.map((m) => m.key)))).toEqual([['small'], ['big'], ['after']]);
  });
});
