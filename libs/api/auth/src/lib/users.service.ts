import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { conflict, DomainException, notFound } from '@retention/api-core';
import { Role, SalaryHistoryEntry, UpdateUserRequest, UserView, CreateUserRequest } from '@retention/contracts';
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
    const saved = await this.users.manager.transaction(async (m) => {
      const changed = await m.save(user);
      if (endsSessions) await this.sessions.endAll(user.id, m);
      return changed;
    });
    // What this process kept of the user's sessions carries the old name and role (the other processes hear of it).
    this.sessions.forget(user.id);
    return saved;
  }

  /** The user's salaries, each from its month, newest first. */
  async salaries(id: string): Promise<SalaryHistoryEntry[]> {
    if (!(await this.users.existsBy({ id }))) throw notFound('User', id);
    const rows: { month: string; salary: number | null }[] = await this.users.query(
      `SELECT to_char(month, 'YYYY-MM') AS month, monthly_salary::float8 AS salary FROM salary_history WHERE user_id = $1 ORDER BY month DESC`, [id]);
    return rows.map((r) => ({ month: r.month, monthlySalary: r.salary }));
  }

  /**
   * Sets the salary from a month on (past or ahead): a statement reads the salary of its own month. The
   * user's current salary follows the history (the salary of this month), in the same transaction.
   */
  async setSalary(id: string, month: string, monthlySalary: number | null): Promise<SalaryHistoryEntry[]> {
    if (!(await this.users.existsBy({ id }))) throw notFound('User', id);
    await this.users.manager.transaction(async (m) => {
      await m.query(
        `INSERT INTO salary_history (user_id, month, monthly_salary) VALUES ($1, $2::date, $3)
         ON CONFLICT (user_id, month) DO UPDATE SET monthly_salary = EXCLUDED.monthly_salary`,
        [id, `${month}-01`, monthlySalary],
      );
      await m.query(
        `UPDATE app_user SET monthly_salary = salary_of_month(id, date_trunc('month', app_today())::date), updated_at = app_now()
          WHERE id = $1 AND monthly_salary IS DISTINCT FROM salary_of_month(id, date_trunc('month', app_today())::date)`,
        [id],
      );
    });
    return this.salaries(id);
  }
}
