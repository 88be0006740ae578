export interface RegionView {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

export interface ServiceView {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

export interface TariffView {
  id: string;
  code: string;
  name: string;
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
  strengths: string;
  weaknesses: string;
  active: boolean;
  tariffs: CompetitorTariffView[];
}

export interface UpsertRegionRequest { code: string; name: string; active?: boolean }
export interface UpsertServiceRequest { code: string; name: string; active?: boolean }
export interface UpsertTariffRequest {
  code: string;
  name: string;
  serviceCode: string;
  monthlyPrice: number;
  speedMbps?: number | null;
  channels?: number | null;
  active?: boolean;
}
export interface UpsertCompetitorRequest {
  code: string;
  name: string;
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
