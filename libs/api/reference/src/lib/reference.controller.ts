import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission, UuidParam } from '@retention/api-core';
import { CompetitorView, Permission, RegionView, ServiceView, TariffView } from '@retention/contracts';
import {
  UpsertCompetitorDto,
  UpsertCompetitorTariffDto,
  UpsertRegionDto,
  UpsertServiceDto,
  UpsertTariffDto,
} from './reference.dto';
import { ReferenceService } from './reference.service';

@ApiTags('reference data')
@Controller()
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @Get('regions') @RequirePermission(Permission.ReferenceRead) @ApiOperation({ summary: 'Coverage areas' })
  regions(): Promise<RegionView[]> {
    return this.reference.listRegions();
  }

  @Post('regions') @RequirePermission(Permission.ReferenceWrite)
  @ApiOperation({ summary: 'Add a coverage area (409 when its code is taken)' })
  createRegion(@Body() dto: UpsertRegionDto): Promise<RegionView> {
    return this.reference.createRegion(dto);
  }

  @Put('regions/:code') @RequirePermission(Permission.ReferenceWrite)
  @ApiOperation({ summary: 'Change a coverage area' })
  updateRegion(@Param('code') code: string, @Body() dto: UpsertRegionDto): Promise<RegionView> {
    return this.reference.updateRegion(code, dto);
  }

  @Get('services') @RequirePermission(Permission.ReferenceRead) @ApiOperation({ summary: 'Services sold' })
  services(): Promise<ServiceView[]> {
    return this.reference.listServices();
  }

  @Post('services') @RequirePermission(Permission.ReferenceWrite)
  @ApiOperation({ summary: 'Add a service (409 when its code is taken)' })
  createService(@Body() dto: UpsertServiceDto): Promise<ServiceView> {
    return this.reference.createService(dto);
  }

  @Put('services/:code') @RequirePermission(Permission.ReferenceWrite)
  @ApiOperation({ summary: 'Change a service' })
  updateService(@Param('code') code: string, @Body() dto: UpsertServiceDto): Promise<ServiceView> {
    return this.reference.updateService(code, dto);
  }

  @Get('tariffs') @RequirePermission(Permission.ReferenceRead) @ApiOperation({ summary: 'Tariffs with monthly prices' })
  tariffs(): Promise<TariffView[]> {
    return this.reference.listTariffs();
  }

  @Post('tariffs') @RequirePermission(Permission.ReferenceWrite)
  @ApiOperation({ summary: 'Add a tariff (409 when its code is taken)' })
  createTariff(@Body() dto: UpsertTariffDto): Promise<TariffView> {
    return this.reference.createTariff(dto);
  }

  @Put('tariffs/:code') @RequirePermission(Permission.ReferenceWrite)
  @ApiOperation({ summary: 'Change a tariff' })
  updateTariff(@Param('code') code: string, @Body() dto: UpsertTariffDto): Promise<TariffView> {
    return this.reference.updateTariff(code, dto);
  }

  @Get('competitors') @RequirePermission(Permission.ReferenceRead)
  @ApiOperation({ summary: 'Competitors with their tariffs per region' })
  competitors(): Promise<CompetitorView[]> {
    return this.reference.listCompetitors();
  }

  @Post('competitors') @RequirePermission(Permission.ReferenceWrite)
  @ApiOperation({ summary: 'Add a competitor (409 when its code is taken)' })
  createCompetitor(@Body() dto: UpsertCompetitorDto): Promise<CompetitorView> {
    return this.reference.createCompetitor(dto);
  }

  @Put('competitors/:code') @RequirePermission(Permission.ReferenceWrite)
  @ApiOperation({ summary: 'Change a competitor' })
  updateCompetitor(@Param('code') code: string, @Body() dto: UpsertCompetitorDto): Promise<CompetitorView> {
    return this.reference.updateCompetitor(code, dto);
  }

  @Post('competitors/:code/tariffs') @RequirePermission(Permission.ReferenceWrite)
  @ApiOperation({ summary: 'Add a tariff to a competitor\'s offer in a region' })
  addCompetitorTariff(@Param('code') code: string, @Body() dto: UpsertCompetitorTariffDto): Promise<CompetitorView> {
    return this.reference.addCompetitorTariff(code, dto);
  }

  @Delete('competitors/:code/tariffs/:id') @RequirePermission(Permission.ReferenceWrite)
  @ApiOperation({ summary: 'Remove a tariff from a competitor\'s offer' })
  removeCompetitorTariff(
    @Param('code') code: string,
    @UuidParam('id') id: string,
  ): Promise<CompetitorView> {
    return this.reference.removeCompetitorTariff(code, id);
  }
}
