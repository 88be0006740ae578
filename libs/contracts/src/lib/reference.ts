import type { LangCode } from './requests';

/**
 * A reference row's name in the languages other than English (`name` is the English one and the fallback).
 * Either may be missing: the English name shows then.
 */
export interface NameTranslations {
  ru?: string;
  uk?: string;
}

/** What has a name people read: regions, services, tariffs, competitors. */
export interface Named {
  name: string;
  names?: NameTranslations;
}

/**
 * The one resolution of a reference name in a language: its translation, else the English name (SQL has the
 * same as `local_name(name, names, lang)`).
 */
export function localName(name: string, names: NameTranslations | null | undefined, lang: LangCode): string {
  return (lang === 'en' ? undefined : names?.[lang]) || name;
}

export interface RegionView {
  id: string;
  code: string;
  name: string;
  names: NameTranslations;
  active: boolean;
}

export interface ServiceView {
  id: string;
  code: string;
  name: string;
  names: NameTranslations;
  active: boolean;
}

export interface TariffView {
  id: string;
  code: string;
  name: string;
  names: NameTranslations;
  serviceCode: string;
  monthlyPrice: number;
  speedMbps: number | null;
  channels: number | null;
  active: boolean;
}

export interface CompetitorTariffView {
  id: string;
  regionCode: string;
  serviceCode: string;
  name: string;
  monthlyPrice: number;
  speedMbps: number | null;
  channels: number | null;
}

export interface CompetitorView {
  id: string;
  code: string;
  name: string;
  names: NameTranslations;
  strengths: string;
  weaknesses: string;
  active: boolean;
  tariffs: CompetitorTariffView[];
}

export interface UpsertRegionRequest { code: string; name: string; names?: NameTranslations; active?: boolean }
export interface UpsertServiceRequest { code: string; name: string; names?: NameTranslations; active?: boolean }
export interface UpsertTariffRequest {
  code: string;
  name: string;
  names?: NameTranslations;
  serviceCode: string;
  monthlyPrice: number;
  speedMbps?: number | null;
  channels?: number | null;
  active?: boolean;
}
export interface UpsertCompetitorRequest {
  code: string;
  name: string;
  names?: NameTranslations;
  strengths?: string;
  weaknesses?: string;
  active?: boolean;
}
export interface UpsertCompetitorTariffRequest {
  regionCode: string;
  serviceCode: string;
  name: string;
  monthlyPrice: number;
  speedMbps?: number | null;
  channels?: number | null;
}
