import { describe, expect, it } from 'vitest';
import { lagByTopic, lagReport, partitionLag } from '@lgsp/kafka';
import { formatTable, humanAge, percent, truncate } from '../src/table.ts';
import { renderBar } from '../src/progress.ts';

describe('lag arithmetic', () => {
  it('is the end offset minus the committed offset', () => {
    expect(partitionLag('t', { partition: 0, low: '0', high: '120' }, '100')).toEqual({ topic: 't', partition: 0, committed: '100', end: '120', lag: 20 });
  });

  it('counts everything still in the log when the group never committed', () => {
    expect(partitionLag('t', { partition: 1, low: '30', high: '50' }, '-1')).toMatchObject({ committed: null, lag: 20 });
    expect(partitionLag('t', { partition: 1, low: '0', high: '0' }, undefined)).toMatchObject({ committed: null, lag: 0 });
  });

  it('is never negative, even when a commit is ahead of a truncated end', () => {
    expect(partitionLag('t', { partition: 0, low: '0', high: '5' }, '9').lag).toBe(0);
  });

  it('sums partitions into a total and per topic, partitions in order', () => {
    const report = lagReport('g', [
      { topic: 'a', offsets: [{ partition: 1, low: '0', high: '4' }, { partition: 0, low: '0', high: '10' }], committed: new Map([[0, '7']]) },
      { topic: 'b', offsets: [{ partition: 0, low: '0', high: '2' }], committed: new Map([[0, '2']]) },
    ]);
    expect(report.total).toBe(7);
    expect(report.partitions.map((entry) => `${entry.topic}:${entry.partition}=${entry.lag}`)).toEqual(['a:0=3', 'a:1=4', 'b:0=0']);
    expect([...lagByTopic(report)]).toEqual([['a', 7], ['b', 0]]);
  });
});

describe('tables for people', () => {
  it('pads columns, right-aligns numbers with separators and cuts long cells', () => {
    const text = formatTable(
      [{ name: 'land', count: 12345, note: 'a'.repeat(30) }, { name: 'judicial', count: 7, note: 'short' }],
      [
        { header: 'registry', cell: (row) => row.name },
        { header: 'events', cell: (row) => row.count, align: 'right' },
        { header: 'note', cell: (row) => row.note, max: 10 },
      ],
    );
    expect(text.split('\n')).toEqual([
      'registry  events  note',
      '────────  ──────  ──────────',
      'land      12,345  aaaaaaaaa…',
      'judicial       7  short',
    ]);
  });

  it('keeps a cell on one line', () => {
    expect(truncate('line one\nline two', 100)).toBe('line one line two');
  });

  it('writes shares and ages briefly', () => {
    expect(percent(0.4567)).toBe('45.7 %');
    expect([humanAge(42), humanAge(600), humanAge(7200), humanAge(3 * 86400)]).toEqual(['42 s', '10 min', '2 h', '3 d']);
  });

  it('draws a progress bar proportional to the work done', () => {
    expect(renderBar(0, 4, 'redrive')).toBe(`redrive [${'░'.repeat(30)}] 0/4 0 %`);
    expect(renderBar(2, 4, 'redrive')).toBe(`redrive [${'█'.repeat(15)}${'░'.repeat(15)}] 2/4 50 %`);
    expect(renderBar(0, 0, 'x')).toContain('100 %');
  });
});
