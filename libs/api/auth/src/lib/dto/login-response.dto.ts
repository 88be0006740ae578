import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { LoginResponse, Role, UserSummary } from '@retention/contracts';

/** The OpenAPI shapes of a sign-in's answer (checked against the contracts by `implements`). */
@ApiSchema({ name: 'UserSummary' })
export class UserSummaryDto implements UserSummary {
  @ApiProperty({ example: 'o.petrenko' }) username!: string;
  @ApiProperty({ enum: Role }) role!: Role;
  @ApiProperty({ example: 'Olena Petrenko' }) displayName!: string;
}

@ApiSchema({ name: 'LoginResponse' })
export class LoginResponseDto implements LoginResponse {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`; valid for JWT_TTL or until sign-out' }) accessToken!: string;
  @ApiProperty({ type: UserSummaryDto }) user!: UserSummaryDto;
}

export const LOGIN_RESPONSE_EXAMPLE: LoginResponse = {
  accessToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI2ZjFlIn0.c2lnbmF0dXJl',
  user: { username: 'o.petrenko', role: Role.Operator, displayName: 'Olena Petrenko' },
};
