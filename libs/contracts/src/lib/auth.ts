import { Role } from './roles';

export interface LoginRequest {
  username: string;
  password: string;
}

export interface UserSummary {
  username: string;
  role: Role;
  displayName: string;
}

export interface LoginResponse {
  accessToken: string;
  user: UserSummary;
}

/** A user as administrators see it (GET /api/users is admin-only: the salary goes to nobody else). */
export interface UserView extends UserSummary {
  id: string;
  active: boolean;
  /** Monthly salary, or null when not recorded. */
  monthlySalary: number | null;
  team: string | null;
  /** Where mail for the user goes; executives with one receive the monthly churn-to-competitor report. */
  email: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateUserRequest {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  monthlySalary?: number | null;
  team?: string | null;
  email?: string | null;
}

export interface UpdateUserRequest {
  role?: Role;
  displayName?: string;
  password?: string;
  active?: boolean;
  /** null clears it. */
  monthlySalary?: number | null;
  /** null or '' clears it. */
  team?: string | null;
  /** null or '' clears it. */
  email?: string | null;
}

/** A salary in effect from a month until a later entry (administrators only); null: none recorded from then. */
export interface SalaryHistoryEntry {
  /** YYYY-MM; 1900-01 for the salary a person was first recorded with (it holds for every earlier month). */
  month: string;
  monthlySalary: number | null;
}

export interface SetSalaryRequest {
  monthlySalary: number | null;
}
