import { detectEncoding, detectSeparator } from './values';

describe('detectEncoding', () => {
  it('sees a byte-order mark', () => {
    expect(detectEncoding(Buffer.from('\ufeffaccount_number', 'utf8'))).toBe('utf-8-bom');
  });
  it('reads Cyrillic UTF-8 as UTF-8, even cut in the middle of a letter', () => {
    const bytes = Buffer.from('Иванов', 'utf8');
    expect(detectEncoding(bytes)).toBe('utf-8');
    expect(detectEncoding(bytes.subarray(0, 3))).toBe('utf-8');
  });
  it('reads the same letters in Windows-1251 (0xC8 0xE2 ... single bytes) as Windows-1251', () => {
    expect(detectEncoding(Uint8Array.from([0xc8, 0xe2, 0xe0, 0xed, 0xee, 0xe2]))).toBe('windows-1251');
  });
  it('takes plain ASCII as UTF-8', () => {
    expect(detectEncoding(Buffer.from('a,b,c\n1,2,3'))).toBe('utf-8');
  });
});

describe('detectSeparator', () => {
  it('counts separators outside quotes', () => {
    expect(detectSeparator('account_number;paid_on;amount')).toBe(';');
    expect(detectSeparator('account_number,paid_on,amount')).toBe(',');
    expect(detectSeparator('"a;b;c",x,y')).toBe(',');
    expect(detectSeparator('single')).toBe(',');
  });
});
