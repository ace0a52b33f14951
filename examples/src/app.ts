import express from 'express';
import session from 'express-session';
import cookieParser from 'cookie-parser';
import { config } from './config';
import { authRouter } from './routes/auth';
import { usersRouter } from './routes/users';
import { adminRouter } from './routes/admin';
import { accountRouter } from './routes/account';
import { requireAuth } from './middleware/auth';
import { fetchSalesReport } from './services/reports';

export const app = express();

app.use(express.json({ limit: '100kb' }));
// Safe: the cookie secret comes from config, which reads the environment.
app.use(cookieParser(config.cookieSecret));
// FLAW: the session secret from the express-session README.
app.use(
  session({
    secret: 'keyboard cat',
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, sameSite: 'lax' },
  }),
);

app.get('/health', (_req, res) => {
  res.json({ status: 'ok' });
});

app.use('/auth', authRouter);
app.use('/users', usersRouter);
app.use('/admin', requireAuth, adminRouter);
app.use('/account', accountRouter);

app.get('/reports/sales/:month', requireAuth, async (req, res) => {
  res.json(await fetchSalesReport(req.params.month));
});
