import { Body, Controller, Get, HttpCode, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, DomainException, RequirePermission, UuidParam } from '@retention/api-core';
import { ImportMappingView, ImportRunView, Permission } from '@retention/contracts';
import type { Request, Response } from 'express';
import { ListImportsQueryDto, SaveMappingsDto, StartImportQueryDto } from './imports.dto';
import { ImportsService } from './imports.service';

const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/octet-stream'];

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post() @RequirePermission(Permission.ImportsRun)
  @ApiOperation({
    summary: 'Import a billing file (the body, Content-Type: text/csv)',
    description:
      'A file up to IMPORT_INLINE_BYTES (4 MiB by default) is checked and written within the request (201, status completed or rejected); ' +
      'a larger one is stored and runs as a background job (202, status queued; follow it with GET /api/imports/{id}). ' +
      'A file with any error writes nothing. dryRun=true checks and reports without writing.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' }, description: 'The CSV file: UTF-8 (with or without BOM) or Windows-1251, comma or semicolon separated' })
  @ApiResponse({ status: 201, description: 'Imported (completed) or refused with its errors (rejected)' })
  @ApiResponse({ status: 202, description: 'A large file: queued as a background job' })
  @ApiResponse({ status: 415, description: 'The body is not a CSV file' })
  async start(
    @Query() q: StartImportQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ImportRunView> {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (!CSV_TYPES.includes(type)) {
      throw new DomainException(415, 'unsupported_media_type', 'Send the file as the body with Content-Type: text/csv.');
    }
    const { inline, run } = await this.imports.start(req, {
      kind: q.kind,
      dryRun: q.dryRun ?? false,
      columns: q.columns ? JSON.parse(q.columns) : {},
      userId: user.id,
    });
    res.status(inline ? 201 : 202);
    return run;
  }

  @Get() @RequirePermission(Permission.ImportsRun) @ApiOperation({ summary: 'Imports, newest first' })
  @ApiResponse({ status: 200, description: 'A page of imports and their total' })
  list(@Query() q: ListImportsQueryDto): Promise<{ items: ImportRunView[]; total: number }> {
    return this.imports.list(q.limit ?? 50, q.offset ?? 0);
  }

  @Get('mappings') @RequirePermission(Permission.ImportsRun)
  @ApiOperation({ summary: 'Kept mappings of billing’s names to our regions, services, tariffs, competitors and reasons' })
  @ApiResponse({ status: 200, description: 'Every kept mapping' })
  mappings(): Promise<ImportMappingView[]> {
    return this.imports.mappings();
  }

  @Put('mappings') @RequirePermission(Permission.ImportsRun)
  @ApiOperation({ summary: 'Keep mappings (map to an existing code, or create a region, service or competitor); used by every later import' })
  @ApiResponse({ status: 200, description: 'Every kept mapping, these included' })
  saveMappings(@Body() dto: SaveMappingsDto, @CurrentUser() user: AuthenticatedUser): Promise<ImportMappingView[]> {
    return this.imports.saveMappings(dto.entries, user.id);
  }

  @Get(':id') @RequirePermission(Permission.ImportsRun) @ApiOperation({ summary: 'One import: status, progress, the error report' })
  @ApiResponse({ status: 200, description: 'The import' })
  get(@UuidParam('id') id: string): Promise<ImportRunView> {
    return this.imports.get(id);
  }

  @Post(':id/accept-reasons') @HttpCode(200) @RequirePermission(Permission.ImportsRun)
  @ApiOperation({ summary: 'Accept every classifier suggestion the import made for stated reasons without a code (kept as mappings)' })
  @ApiResponse({ status: 200, description: 'Every kept mapping, these included' })
  @ApiResponse({ status: 409, description: 'The import suggested nothing' })
  acceptReasons(@UuidParam('id') id: string, @CurrentUser() user: AuthenticatedUser): Promise<ImportMappingView[]> {
    return this.imports.acceptReasons(id, user.id);
  }
}
