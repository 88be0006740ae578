import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Role } from '@retention/contracts';

@Entity({ name: 'app_user' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 64 }) username!: string;
  @Column({ name: 'password_hash', type: 'text', select: false }) passwordHash!: string;
  @Column({ type: 'varchar', length: 16 }) role!: Role;
  @Column({ name: 'display_name', type: 'varchar', length: 120 }) displayName!: string;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  /** Monthly salary: shown to administrators only (the bonus cap is a share of it). */
  @Column({ name: 'monthly_salary', type: 'numeric', precision: 12, scale: 2, nullable: true }) monthlySalary!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) team!: string | null;
  /** Where mail for the user goes (executives receive the monthly churn-to-competitor report). */
  @Column({ type: 'varchar', length: 254, nullable: true }) email!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
