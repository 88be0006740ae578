import { normalizeText } from './text-normalize';

/**
 * A competitor named or implied in a stated reason (docs/methodology.md, "Reason suggestions": a named competitor
 * makes the competitor reasons win over plain price and is proposed as where the subscriber goes).
 */
export interface CompetitorName {
  /** The operator's own code for it (reference data), when it is one of the configured competitors. */
  code?: string | null;
  name: string;
  /** Other spellings: Cyrillic, transliterated, short forms. */
  aliases?: readonly string[];
}

export interface CompetitorMention {
  /** The competitor named; null when only implied ("another provider", "к конкуренту"). */
  name: string | null;
  code: string | null;
  implied: boolean;
}

/**
 * Providers subscribers name without the operator having configured them: the national mobile operators and the
 * large fixed-line providers of Ukraine, with the spellings found in notes (Russian, Ukrainian, Latin).
 */
export const WELL_KNOWN_COMPETITORS: readonly CompetitorName[] = [
  { name: 'Kyivstar', aliases: ['kyivstar', 'kievstar', 'kyivstar', 'киевстар', 'київстар', 'кивстар'] },
  { name: 'Vodafone', aliases: ['vodafone', 'vodafon', 'водафон', 'водафоне', 'водофон'] },
  { name: 'lifecell', aliases: ['lifecell', 'lifecel', 'лайфсел', 'лайфселл'] },
  { name: 'Volia', aliases: ['volia', 'volya', 'воля', 'воли', 'волю'] },
  { name: 'Lanet', aliases: ['lanet', 'ланет'] },
  { name: 'Triolan', aliases: ['triolan', 'триолан', 'тріолан'] },
  { name: 'Datagroup', aliases: ['datagroup', 'датагруп', 'датагруп', 'датагрупп'] },
  { name: 'Ukrtelecom', aliases: ['ukrtelecom', 'укртелеком'] },
  { name: 'Fregat', aliases: ['fregat', 'фрегат'] },
  { name: 'Tenet', aliases: ['tenet', 'тенет'] },
  { name: 'Maxnet', aliases: ['maxnet', 'максднет', 'макснет'] },
  { name: 'Starlink', aliases: ['starlink', 'старлинк', 'старлінк'] },
];

/** Words that imply another provider without naming one. */
const IMPLIED = [
  'конкурент\\p{L}*',
  'competitors?',
  '(друг|инш)\\p{L}* (интернет )?(провайдер|оператор)\\p{L}*',
  '(another|other|different|new|local) (provider|isp|operator|company)',
  '(местн|мисцев)\\p{L}* (интернет )?(провайдер|оператор)\\p{L}*',
  'switch\\p{L}* (provider|isp|operator)s?',
  'ported out',
].map((source) => new RegExp(`(?<=^| )(?:${source})(?= |$)`, 'u'));

interface Alias {
  pattern: string;
  words: number;
  competitor: CompetitorName;
}

function aliasesOf(c: CompetitorName): string[] {
  const own = normalizeText(c.name);
  const firstWord = own.split(' ')[0];
  return [...new Set([own, ...(firstWord.length >= 5 ? [firstWord] : []), ...(c.aliases ?? []).map(normalizeText)])].filter(Boolean);
}

function buildAliases(competitors: readonly CompetitorName[]): Alias[] {
  const out: Alias[] = [];
  for (const c of competitors) for (const a of aliasesOf(c)) out.push({ pattern: a, words: a.split(' ').length, competitor: c });
  // Longer aliases first, so "SkyLink TV" wins over a shorter one of another competitor.
  return out.sort((a, b) => b.pattern.length - a.pattern.length);
}

const aliasCache = new WeakMap<readonly CompetitorName[], Alias[]>();

/** An alias matches a word when the word starts with it and adds at most an ending ("Киевстару", "Ланета"). */
function matchesWord(alias: string, word: string): boolean {
  if (alias.length < 4) return word === alias;
  return word.startsWith(alias) && word.length - alias.length <= 3;
}

/**
 * The competitor a stated reason names (configured ones first, then the well-known ones), or implies.
 * Null when there is neither.
 */
export function findCompetitor(text: string, configured: readonly CompetitorName[] = []): CompetitorMention | null {
  const normalized = normalizeText(text);
  if (!normalized) return null;
  const words = normalized.split(' ');
  for (const list of [configured, WELL_KNOWN_COMPETITORS]) {
    let aliases = aliasCache.get(list);
    if (!aliases) aliasCache.set(list, (aliases = buildAliases(list)));
    for (const alias of aliases) {
      const parts = alias.pattern.split(' ');
      for (let i = 0; i + parts.length <= words.length; i++) {
        const ok = parts.every((p, k) => (k === parts.length - 1 ? matchesWord(p, words[i + k]) : p === words[i + k]));
        if (ok) return { name: alias.competitor.name, code: alias.competitor.code ?? null, implied: false };
      }
    }
  }
  if (IMPLIED.some((re) => re.test(normalized))) return { name: null, code: null, implied: true };
  return null;
}
