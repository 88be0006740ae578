import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Public, RequirePermission } from '@retention/api-core';
import { LoginResponse, Permission, UserSummary } from '@retention/contracts';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { LOGIN_RESPONSE_EXAMPLE, LoginResponseDto } from './dto/login-response.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @ApiOperation({ summary: 'Sign in; returns a bearer token' })
  @ApiOkResponse({ description: 'Signed in: the bearer token and the user', type: LoginResponseDto, example: LOGIN_RESPONSE_EXAMPLE })
  @ApiResponse({
    status: 401,
    description: 'The user name or password is wrong, or the user is deactivated',
    example: { statusCode: 401, error: 'invalid_credentials', message: 'The user name or password is wrong.', requestId: '5f0c6e1e-8d3b-4c1a-9e57-2b7f4a1c9d20' },
  })
  @ApiResponse({
    status: 429,
    description: 'Too many sign-in attempts from this address for this user name',
    example: { statusCode: 429, error: 'too_many_requests', message: 'Too many sign-in attempts; wait a minute and try again.', requestId: '5f0c6e1e-8d3b-4c1a-9e57-2b7f4a1c9d20' },
  })
  login(@Body() dto: LoginDto): Promise<LoginResponse> {
    return this.auth.login(dto.username, dto.password);
  }

  @Post('logout')
  @HttpCode(204)
  // Every role has it (as for /me): anyone signed in may sign out.
  @RequirePermission(Permission.ReferenceRead)
  @ApiOperation({ summary: 'Sign out: ends this session on the server; its token is refused from now on' })
  logout(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.auth.logout(user.sessionId);
  }

  @Get('me')
  @RequirePermission(Permission.ReferenceRead)
  @ApiOperation({ summary: 'The signed-in user' })
  me(@CurrentUser() user: AuthenticatedUser): UserSummary {
    return { username: user.username, role: user.role, displayName: user.displayName };
  }
}
