import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCodeTables, translateCodes, withCodeTables } from '../src/mapping/code-tables.ts';

const write = (content: string): string => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lgsp-codes-')), 'codes.json');
  fs.writeFileSync(file, content);
  return file;
};

describe('code tables', () => {
  const tables = loadCodeTables(write(JSON.stringify({ '/thuaDat/mucDich': { DAT_O_DO_THI: 'ODT' }, '/a~1b': { x: 'y' } })));

  it('translates a tabled code at its pointer and leaves the original record as it was', () => {
    const record = { thuaDat: { mucDich: 'DAT_O_DO_THI', soTo: 12 }, other: 'DAT_O_DO_THI' };
    expect(translateCodes(record, tables)).toEqual({ thuaDat: { mucDich: 'ODT', soTo: 12 }, other: 'DAT_O_DO_THI' });
    expect(record.thuaDat.mucDich).toBe('DAT_O_DO_THI');
    expect(translateCodes({ 'a/b': 'x' }, tables)).toEqual({ 'a/b': 'y' });
  });

  it('leaves codes it does not know, missing fields and other types alone', () => {
    expect(translateCodes({ thuaDat: { mucDich: 'ODT' } }, tables)).toEqual({ thuaDat: { mucDich: 'ODT' } });
    expect(translateCodes({ thuaDat: { mucDich: 7 } }, tables)).toEqual({ thuaDat: { mucDich: 7 } });
    expect(translateCodes({}, tables)).toEqual({});
    expect(translateCodes(null, tables)).toBeNull();
  });

  it('feeds the mapper translated records', async () => {
    const seen: unknown[] = [];
    const mapper = withCodeTables({ prepare: async (records) => ((seen.push(...records), { outcomes: [], commit: async () => {}, release: async () => {} })) }, tables);
    await mapper.prepare([{ thuaDat: { mucDich: 'DAT_O_DO_THI' } }]);
    expect(seen).toEqual([{ thuaDat: { mucDich: 'ODT' } }]);
  });

  it('refuses a bad file with one line naming the variable', () => {
    for (const [content, message] of [
      ['not json', /cannot be read as JSON/],
      ['[]', /must hold an object/],
      ['{"mucDich": {}}', /is not a JSON pointer/],
      ['{"/a": []}', /must be an object of codes/],
      ['{"/a": {"x": 3}}', /not to a code/],
    ] as const) {
      expect(() => loadCodeTables(write(content))).toThrow(message);
    }
    expect(() => loadCodeTables('/nonexistent/codes.json')).toThrow(/CODE_TABLES_FILE/);
  });
});
