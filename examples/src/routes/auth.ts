import { Router } from 'express';
import bcrypt from 'bcryptjs';
import jwt from 'jsonwebtoken';
import { config } from '../config';
import { User } from '../models/user';

export const authRouter = Router();

// FLAW: the refresh-token signing secret is in source.
const REFRESH_TOKEN_SECRET = 'r3fr3sh-s1gning-k3y-2024';

function issueTokens(user: User) {
  const accessToken = jwt.sign({ sub: user.id, role: user.role }, config.jwtSecret, { expiresIn: '1h' });
  const refreshToken = jwt.sign({ sub: user.id }, REFRESH_TOKEN_SECRET, { expiresIn: '30d' });
  return { accessToken, refreshToken, tokenType: 'Bearer' };
}

authRouter.post('/login', async (req, res) => {
  const { email, password } = req.body as { email?: string; password?: string };
  if (!email || !password) {
    res.status(400).json({ error: 'email and password are required' });
    return;
  }
  const user = await User.findOne({ where: { email } });
  if (!user || !(await bcrypt.compare(password, user.passwordHash))) {
    res.status(401).json({ error: 'invalid email or password' });
    return;
  }
  res.json(issueTokens(user));
});

authRouter.post('/refresh', (req, res) => {
  const { refreshToken } = req.body as { refreshToken?: string };
  try {
    const claims = jwt.verify(refreshToken ?? '', REFRESH_TOKEN_SECRET) as unknown as { sub: number };
    res.json({ accessToken: jwt.sign({ sub: claims.sub }, config.jwtSecret, { expiresIn: '1h' }) });
  } catch {
    res.status(401).json({ error: 'invalid refresh token' });
  }
});
