import { app } from './app';
import { config } from './config';
import { sequelize } from './models/index';

async function main(): Promise<void> {
  await sequelize.authenticate();
  app.listen(config.port, () => {
    console.log(`listening on :${config.port}`);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
