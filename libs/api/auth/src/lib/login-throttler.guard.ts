import { Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard } from '@nestjs/throttler';

/** Sign-in attempts are counted per address and user name, so one attacker cannot lock out everybody. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, any>): Promise<string> {
    const name = typeof req['body']?.username === 'string' ? req['body'].username.toLowerCase() : '';
    return `${req['ip']}|${name}`;
  }

  protected override async throwThrottlingException(): Promise<void> {
    throw new ThrottlerException('Too many sign-in attempts; wait a minute and try again.');
  }
}
