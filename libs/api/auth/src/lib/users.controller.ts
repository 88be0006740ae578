import { Body, Controller, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, RequirePermission, UuidParam } from '@retention/api-core';
import { Permission, SalaryHistoryEntry, UserView } from '@retention/contracts';
import { CreateUserDto, SalaryParamDto, SetSalaryDto, UpdateUserDto } from './dto/user.dto';
import { toUserView, UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({ summary: 'All users' })
  async list(): Promise<UserView[]> {
    return (await this.users.list()).map(toUserView);
  }

  @Post()
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({ summary: 'Create a user (409 when the name is taken)' })
  async create(@Body() dto: CreateUserDto): Promise<UserView> {
    return toUserView(await this.users.create(dto));
  }

  @Patch(':id')
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({ summary: 'Change role, display name or password; deactivate with active=false' })
  async update(
    @UuidParam('id') id: string,
    @Body() dto: UpdateUserDto,
    @CurrentUser() me: AuthenticatedUser,
  ): Promise<UserView> {
    return toUserView(await this.users.update(id, dto, me.id));
  }

  @Get(':id/salaries')
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({ summary: "The user's salary history: each salary with the month it holds from, newest first" })
  salaries(@UuidParam('id') id: string): Promise<SalaryHistoryEntry[]> {
    return this.users.salaries(id);
  }

  @Put(':id/salaries/:month')
  @RequirePermission(Permission.UsersManage)
  @ApiOperation({ summary: 'Set the salary from a month (YYYY-MM) on: statements of that month and later read it; the answer is the whole history' })
  setSalary(@Param() { id, month }: SalaryParamDto, @Body() dto: SetSalaryDto): Promise<SalaryHistoryEntry[]> {
    return this.users.setSalary(id, month, dto.monthlySalary);
  }
}
