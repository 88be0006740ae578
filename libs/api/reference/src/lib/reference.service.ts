import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { badRequest, conflict, notFound } from '@retention/api-core';
import type {
  CompetitorView,
  NameTranslations,
  RegionView,
  ServiceView,
  TariffView,
  UpsertCompetitorRequest,
  UpsertCompetitorTariffRequest,
  UpsertRegionRequest,
  UpsertServiceRequest,
  UpsertTariffRequest,
} from '@retention/contracts';
import { Repository } from 'typeorm';
import { CompetitorEntity, CompetitorTariffEntity, RegionEntity, ServiceEntity, TariffEntity } from './reference.entities';

/**
 * The translations as stored: trimmed, a blank one left out (the English name shows instead). Absent from an
 * update, the current ones stay, as `active` does.
 */
function names(input: NameTranslations | undefined, current: NameTranslations = {}): NameTranslations {
  if (!input) return current;
  const out: NameTranslations = {};
  for (const lang of ['ru', 'uk'] as const) {
    const v = input[lang]?.trim();
    if (v) out[lang] = v;
  }
  return out;
}

const regionView = (r: RegionEntity): RegionView => ({ id: r.id, code: r.code, name: r.name, names: r.names, active: r.active });
const serviceView = (s: ServiceEntity): ServiceView => ({ id: s.id, code: s.code, name: s.name, names: s.names, active: s.active });
const tariffView = (t: TariffEntity): TariffView => ({
  id: t.id,
  code: t.code,
  name: t.name,
  names: t.names,
  serviceCode: t.service.code,
  monthlyPrice: t.monthlyPrice,
  speedMbps: t.speedMbps,
  channels: t.channels,
  active: t.active,
});
const competitorView = (c: CompetitorEntity): CompetitorView => ({
  id: c.id,
  code: c.code,
  name: c.name,
  names: c.names,
  strengths: c.strengths,
  weaknesses: c.weaknesses,
  active: c.active,
  tariffs: (c.tariffs ?? [])
    .map((t) => ({
      id: t.id,
      regionCode: t.region.code,
      serviceCode: t.service.code,
      name: t.name,
      monthlyPrice: t.monthlyPrice,
      speedMbps: t.speedMbps,
      channels: t.channels,
    }))
    .sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.serviceCode.localeCompare(b.serviceCode) || a.monthlyPrice - b.monthlyPrice),
});

function assertSameCode(pathCode: string, bodyCode: string): void {
  if (pathCode !== bodyCode) throw badRequest('code', `must equal the code in the path (${pathCode}); codes are stable keys`);
}

@Injectable()
export class ReferenceService {
  constructor(
    @InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>,
    @InjectRepository(ServiceEntity) private readonly services: Repository<ServiceEntity>,
    @InjectRepository(TariffEntity) private readonly tariffs: Repository<TariffEntity>,
    @InjectRepository(CompetitorEntity) private readonly competitors: Repository<CompetitorEntity>,
    @InjectRepository(CompetitorTariffEntity) private readonly competitorTariffs: Repository<CompetitorTariffEntity>,
  ) {}

  async listRegions(): Promise<RegionView[]> {
    return (await this.regions.find({ order: { name: 'ASC' } })).map(regionView);
  }

  async createRegion(input: UpsertRegionRequest): Promise<RegionView> {
    if (await this.regions.existsBy({ code: input.code })) throw conflict(`Region ${input.code} already exists.`);
    return regionView(await this.regions.save(this.regions.create({ ...input, names: names(input.names), active: input.active ?? true })));
  }

  async updateRegion(code: string, input: UpsertRegionRequest): Promise<RegionView> {
    assertSameCode(code, input.code);
    const region = await this.regionByCode(code);
    Object.assign(region, { name: input.name, names: names(input.names, region.names), active: input.active ?? region.active });
    return regionView(await this.regions.save(region));
  }

  async listServices(): Promise<ServiceView[]> {
    return (await this.services.find({ order: { code: 'ASC' } })).map(serviceView);
  }

  async createService(input: UpsertServiceRequest): Promise<ServiceView> {
    if (await this.services.existsBy({ code: input.code })) throw conflict(`Service ${input.code} already exists.`);
    return serviceView(await this.services.save(this.services.create({ ...input, names: names(input.names), active: input.active ?? true })));
  }

  async updateService(code: string, input: UpsertServiceRequest): Promise<ServiceView> {
    assertSameCode(code, input.code);
    const service = await this.serviceByCode(code);
    Object.assign(service, { name: input.name, names: names(input.names, service.names), active: input.active ?? service.active });
    return serviceView(await this.services.save(service));
  }

  async listTariffs(): Promise<TariffView[]> {
    const rows = await this.tariffs.find({ relations: { service: true }, order: { monthlyPrice: 'ASC' } });
    return rows.map(tariffView).sort((a, b) => a.serviceCode.localeCompare(b.serviceCode) || a.monthlyPrice - b.monthlyPrice);
  }

  async createTariff(input: UpsertTariffRequest): Promise<TariffView> {
    if (await this.tariffs.existsBy({ code: input.code })) throw conflict(`Tariff ${input.code} already exists.`);
    const service = await this.serviceByCode(input.serviceCode, 'serviceCode');
    const saved = await this.tariffs.save(
      this.tariffs.create({
        code: input.code,
        name: input.name,
        names: names(input.names),
        serviceId: service.id,
        monthlyPrice: input.monthlyPrice,
        speedMbps: input.speedMbps ?? null,
        channels: input.channels ?? null,
        active: input.active ?? true,
      }),
    );
    return tariffView({ ...saved, service });
  }

  async updateTariff(code: string, input: UpsertTariffRequest): Promise<TariffView> {
    assertSameCode(code, input.code);
    const tariff = await this.tariffs.findOne({ where: { code }, relations: { service: true } });
    if (!tariff) throw notFound('Tariff', code);
    if (input.serviceCode !== tariff.service.code) throw badRequest('serviceCode', 'a tariff cannot move to another service');
    Object.assign(tariff, {
      name: input.name,
      names: names(input.names, tariff.names),
      monthlyPrice: input.monthlyPrice,
      speedMbps: input.speedMbps ?? null,
      channels: input.channels ?? null,
      active: input.active ?? tariff.active,
    });
    return tariffView(await this.tariffs.save(tariff));
  }

  async listCompetitors(): Promise<CompetitorView[]> {
    const rows = await this.competitors.find({
      relations: { tariffs: { region: true, service: true } },
      order: { name: 'ASC' },
    });
    return rows.map(competitorView);
  }

  async createCompetitor(input: UpsertCompetitorRequest): Promise<CompetitorView> {
    if (await this.competitors.existsBy({ code: input.code })) throw conflict(`Competitor ${input.code} already exists.`);
    const saved = await this.competitors.save(
      this.competitors.create({
        code: input.code,
        name: input.name,
        names: names(input.names),
        strengths: input.strengths ?? '',
        weaknesses: input.weaknesses ?? '',
        active: input.active ?? true,
      }),
    );
    return competitorView({ ...saved, tariffs: [] });
  }

  async updateCompetitor(code: string, input: UpsertCompetitorRequest): Promise<CompetitorView> {
    assertSameCode(code, input.code);
    const competitor = await this.competitorByCode(code);
    Object.assign(competitor, {
      name: input.name,
      names: names(input.names, competitor.names),
      strengths: input.strengths ?? competitor.strengths,
      weaknesses: input.weaknesses ?? competitor.weaknesses,
      active: input.active ?? competitor.active,
    });
    await this.competitors.save(competitor);
    return this.competitorView(code);
  }

  async addCompetitorTariff(code: string, input: UpsertCompetitorTariffRequest): Promise<CompetitorView> {
    const competitor = await this.competitorByCode(code);
    const region = await this.regionByCode(input.regionCode, 'regionCode');
    const service = await this.serviceByCode(input.serviceCode, 'serviceCode');
    await this.competitorTariffs.save(
      this.competitorTariffs.create({
        competitorId: competitor.id,
        regionId: region.id,
        serviceId: service.id,
        name: input.name,
        monthlyPrice: input.monthlyPrice,
        speedMbps: input.speedMbps ?? null,
        channels: input.channels ?? null,
      }),
    );
    return this.competitorView(code);
  }

  async removeCompetitorTariff(code: string, tariffId: string): Promise<CompetitorView> {
    const competitor = await this.competitorByCode(code);
    const result = await this.competitorTariffs.delete({ id: tariffId, competitorId: competitor.id });
    if (!result.affected) throw notFound('Competitor tariff', tariffId);
    return this.competitorView(code);
  }

  private async competitorView(code: string): Promise<CompetitorView> {
    const c = await this.competitors.findOne({ where: { code }, relations: { tariffs: { region: true, service: true } } });
    if (!c) throw notFound('Competitor', code);
    return competitorView(c);
  }

  private async competitorByCode(code: string): Promise<CompetitorEntity> {
    const c = await this.competitors.findOneBy({ code });
    if (!c) throw notFound('Competitor', code);
    return c;
  }

  private async regionByCode(code: string, field?: string): Promise<RegionEntity> {
    const r = await this.regions.findOneBy({ code });
    if (!r) throw field ? badRequest(field, `no region has the code ${code}`) : notFound('Region', code);
    return r;
  }

  private async serviceByCode(code: string, field?: string): Promise<ServiceEntity> {
    const s = await this.services.findOneBy({ code });
    if (!s) throw field ? badRequest(field, `no service has the code ${code}`) : notFound('Service', code);
    return s;
  }
}
