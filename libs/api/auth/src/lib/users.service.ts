import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { conflict, DomainException, notFound } from '@retention/api-core';
import { Role, UpdateUserRequest, UserView, CreateUserRequest } from '@retention/contracts';
import { Repository } from 'typeorm';
import { hashPassword } from './password';
import { SessionsService } from './sessions.service';
import { UserEntity } from './user.entity';

export function toUserView(u: UserEntity): UserView {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    displayName: u.displayName,
    active: u.active,
    monthlySalary: u.monthlySalary === null ? null : Number(u.monthlySalary),
    team: u.team,
    email: u.email,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly sessions: SessionsService,
  ) {}

  list(): Promise<UserEntity[]> {
    return this.users.find({ order: { role: 'ASC', username: 'ASC' } });
  }

  /** The user with its password hash, for sign-in only. */
  findForLogin(username: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.username) = lower(:username)', { username })
      .getOne();
  }

  async create(input: CreateUserRequest): Promise<UserEntity> {
    const passwordHash = await hashPassword(input.password);
    // The unique index on lower(username) decides under concurrency; ON CONFLICT keeps it one statement.
    const rows: { id: string }[] = await this.users.query(
      `INSERT INTO app_user (username, password_hash, role, display_name, monthly_salary, team, email) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ((lower(username))) DO NOTHING RETURNING id`,
      [input.username, passwordHash, input.role, input.displayName, input.monthlySalary ?? null, input.team?.trim() || null, input.email?.trim() || null],
    );
    if (!rows.length) throw conflict(`The user name ${input.username} is already taken.`, 'username_taken');
    return this.users.findOneByOrFail({ id: rows[0].id });
  }

  async update(id: string, input: UpdateUserRequest, actingUserId: string): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFound('User', id);
    if (id === actingUserId && (input.active === false || (input.role && input.role !== Role.Admin))) {
      throw new DomainException(409, 'self_lockout', 'You cannot deactivate yourself or take away your own admin role.');
    }
    // A new password, another role or a deactivation ends every earlier sign-in of the user.
    const endsSessions =
      input.password !== undefined || input.active === false || (input.role !== undefined && input.role !== user.role);
    if (input.role !== undefined) user.role = input.role;
    if (input.displayName !== undefined) user.displayName = input.displayName;
    if (input.active !== undefined) user.active = input.active;
    if (input.monthlySalary !== undefined) user.monthlySalary = input.monthlySalary === null ? null : String(input.monthlySalary);
    if (input.team !== undefined) user.team = input.team?.trim() || null;
    if (input.email !== undefined) user.email = input.email?.trim() || null;
    if (input.password !== undefined) user.passwordHash = await hashPassword(input.password);
    return this.users.manager.transaction(async (m) => {
      const saved = await m.save(user);
      if (endsSessions) await this.sessions.endAll(user.id, m);
      return saved;
    });
  }
}
