import { Sequelize } from 'sequelize';
import { config } from '../config';

// Safe: the connection string comes from config (whose own problem is reported there).
export const sequelize = new Sequelize(config.databaseUrl, { logging: false });
