import { DataTypes, Model, type InferAttributes, type InferCreationAttributes, type CreationOptional } from 'sequelize';
import { sequelize } from './index';

export class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: CreationOptional<number>;
  declare email: string;
  declare name: string;
  declare passwordHash: string;
  declare role: CreationOptional<'customer' | 'admin'>;
  declare resetToken: string | null;
}

User.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    email: { type: DataTypes.STRING, allowNull: false, unique: true },
    name: { type: DataTypes.STRING, allowNull: false },
    passwordHash: { type: DataTypes.STRING, allowNull: false },
    role: { type: DataTypes.STRING, allowNull: false, defaultValue: 'customer' },
    resetToken: { type: DataTypes.STRING, allowNull: true },
  },
  { sequelize, tableName: 'users' },
);

/** The fields a client may see. */
export function toPublicUser(user: User) {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
