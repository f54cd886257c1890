import { describe, expect, it } from 'vitest';
import { captureLogger } from '@lgsp/testkit';
import { redactPersonalData, REDACTED } from '@lgsp/runtime';

describe('log redaction of personal data', () => {
  it('masks personal fields at any depth, in canonical and native names', () => {
    const { logger, text, lines } = captureLogger();
    logger.info(
      {
        event: { subject: '001203012345', data: { personalId: '001203012345', fullName: 'Nguyễn Văn An', areaM2: 120.5 } },
        native: { chuSuDung: { soDinhDanh: '001304056789', hoTen: 'Trần Thị Bình' } },
        judicial: [{ offence: 'BLHS-2015 Điều 173', sentence: '12 tháng tù treo', court: 'TAND TP Hà Nội' }],
      },
      'event accepted',
    );
    const output = text();
    for (const secret of ['001203012345', '001304056789', 'Nguyễn Văn An', 'Trần Thị Bình', 'Điều 173', 'tù treo', 'TAND']) {
      expect(output).not.toContain(secret);
    }
    const [line] = lines();
    expect(line).toMatchObject({ level: 'info', service: 'test', msg: 'event accepted' });
    expect((line?.event as { data: { areaM2: number; fullName: string } }).data).toEqual({ personalId: REDACTED, fullName: REDACTED, areaM2: 120.5 });
  });

  it('scrubs personal IDs out of messages and strings such as URLs', () => {
    const { logger, text } = captureLogger();
    logger.warn({ url: '/v1/citizens/001203012345?purpose=x' }, 'lookup of 001203012345 failed');
    expect(text()).not.toContain('001203012345');
    expect(text()).toContain('/v1/citizens/************?purpose=x');
  });

  it('keeps numbers that are not 12-digit IDs', () => {
    expect(redactPersonalData({ offset: '1234567890123', count: 12 })).toEqual({ offset: '1234567890123', count: 12 });
  });

  it('never logs a key or an authorization header', () => {
    const { logger, text } = captureLogger();
    logger.info({ headers: { authorization: 'Bearer dev-land-key' }, apiKey: 'dev-land-key' }, 'request');
    expect(text()).not.toContain('dev-land-key');
  });

  it('scrubs IDs in error messages', () => {
    const { logger, text } = captureLogger();
    logger.error({ err: new Error('no record for 001203012345') }, 'failed');
    expect(text()).not.toContain('001203012345');
  });
});
