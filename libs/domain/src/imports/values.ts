/**
 * How a billing export is written, as the import reads it (docs/methodology.md, "Imports from billing"):
 * the text encoding and the field separator, from the file's first bytes and header. Its values (dates,
 * months, decimals, code lists) are checked by one rule in SQL, over the staged file
 * (libs/api/imports, import-values.sql.ts).
 */

export type ImportEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1251';
export type ImportSeparator = ',' | ';';

/**
 * The encoding of a file from its first bytes: a UTF-8 byte-order mark, else UTF-8 when the bytes
 * decode as UTF-8 (a multi-byte sequence cut at the end of the sample is allowed), else Windows-1251
 * (the Cyrillic single-byte code page billing systems in the region export in).
 */
export function detectEncoding(head: Uint8Array): ImportEncoding {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  let i = 0;
  while (i < head.length) {
    const b = head[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return 'windows-1251';
    for (let k = 1; k <= need; k++) {
      if (i + k >= head.length) return 'utf-8'; // cut by the sample's end
      if ((head[i + k] & 0xc0) !== 0x80) return 'windows-1251';
    }
    i += need + 1;
  }
  return 'utf-8';
}

/**
 * The separator from the header line: the one of comma and semicolon that occurs more often outside
 * double quotes (a tie, including none at all, is a comma).
 */
export function detectSeparator(headerLine: string): ImportSeparator {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}
