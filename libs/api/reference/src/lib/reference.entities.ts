import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { numeric } from '@retention/api-core';
import type { NameTranslations } from '@retention/contracts';

@Entity({ name: 'region' })
export class RegionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 32 }) code!: string;
  @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ type: 'jsonb', default: {} }) names!: NameTranslations;
  @Column({ type: 'boolean', default: true }) active!: boolean;
}

@Entity({ name: 'service' })
export class ServiceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 32 }) code!: string;
  @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ type: 'jsonb', default: {} }) names!: NameTranslations;
  @Column({ name: 'usage_unit', type: 'varchar', length: 16, default: 'units' }) usageUnit!: string;
  @Column({ type: 'boolean', default: true }) active!: boolean;
}

@Entity({ name: 'tariff' })
export class TariffEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 48 }) code!: string;
  @Column({ name: 'service_id', type: 'uuid' }) serviceId!: string;
  @ManyToOne(() => ServiceEntity) @JoinColumn({ name: 'service_id' }) service!: ServiceEntity;
  @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ type: 'jsonb', default: {} }) names!: NameTranslations;
  @Column({ name: 'monthly_price', type: 'numeric', precision: 12, scale: 2, transformer: numeric }) monthlyPrice!: number;
  @Column({ name: 'speed_mbps', type: 'integer', nullable: true }) speedMbps!: number | null;
  @Column({ type: 'integer', nullable: true }) channels!: number | null;
  @Column({ type: 'boolean', default: true }) active!: boolean;
}

@Entity({ name: 'competitor' })
export class CompetitorEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 32 }) code!: string;
  @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ type: 'jsonb', default: {} }) names!: NameTranslations;
  @Column({ type: 'text', default: '' }) strengths!: string;
  @Column({ type: 'text', default: '' }) weaknesses!: string;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @OneToMany(() => CompetitorTariffEntity, (t) => t.competitor) tariffs!: CompetitorTariffEntity[];
}

@Entity({ name: 'competitor_tariff' })
export class CompetitorTariffEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'competitor_id', type: 'uuid' }) competitorId!: string;
  @ManyToOne(() => CompetitorEntity, (c) => c.tariffs, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competitor_id' })
  competitor!: CompetitorEntity;
  @Column({ name: 'region_id', type: 'uuid' }) regionId!: string;
  @ManyToOne(() => RegionEntity) @JoinColumn({ name: 'region_id' }) region!: RegionEntity;
  @Column({ name: 'service_id', type: 'uuid' }) serviceId!: string;
  @ManyToOne(() => ServiceEntity) @JoinColumn({ name: 'service_id' }) service!: ServiceEntity;
  @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ name: 'monthly_price', type: 'numeric', precision: 12, scale: 2, transformer: numeric }) monthlyPrice!: number;
  @Column({ name: 'speed_mbps', type: 'integer', nullable: true }) speedMbps!: number | null;
  @Column({ type: 'integer', nullable: true }) channels!: number | null;
}

export const REFERENCE_ENTITIES = [RegionEntity, ServiceEntity, TariffEntity, CompetitorEntity, CompetitorTariffEntity];
