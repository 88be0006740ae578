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

export interface UserView extends UserSummary {
  id: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CreateUserRequest {
  username: string;
  password: string;
  role: Role;
  displayName: string;
}

export interface UpdateUserRequest {
  role?: Role;
  displayName?: string;
  password?: string;
  active?: boolean;
}
