import { Router } from 'express';
import bcrypt from 'bcryptjs';
import { config } from '../config';
import { requireAdmin, requireAuth } from '../middleware/auth';
import { toPublicUser, User } from '../models/user';

export const usersRouter = Router();

// FLAW (missing-auth): anyone can list every user.
// FLAW (full-record-response): whole rows, password hashes and reset tokens included.
usersRouter.get('/', async (_req, res) => {
  const users = await User.findAll();
  res.json(users);
});

// FLAW (mass-assignment): a client can send { "role": "admin" } or its own passwordHash.
usersRouter.post('/', async (req, res) => {
  const user = await User.create(req.body);
  res.status(201).json(toPublicUser(user));
});

// FLAW (full-record-response): the caller gets the whole row of any user id.
usersRouter.get('/:id', requireAuth, async (req, res) => {
  const user = await User.findByPk(Number(req.params.id));
  if (!user) {
    res.status(404).json({ error: 'not found' });
    return;
  }
  res.json(user);
});

// Safe: authenticated, own record only, explicit fields in and out.
usersRouter.patch('/me', requireAuth, async (req, res) => {
  const user = await User.findByPk(req.auth!.sub);
  if (!user) {
    res.status(404).json({ error: 'not found' });
    return;
  }
  const { name, password } = req.body as { name?: string; password?: string };
  if (password !== undefined && password.length < config.passwordMinLength) {
    res.status(400).json({ error: `password must be at least ${config.passwordMinLength} characters` });
    return;
  }
  await user.update({
    ...(name !== undefined ? { name } : {}),
    ...(password !== undefined ? { passwordHash: await bcrypt.hash(password, 12) } : {}),
  });
  res.json(toPublicUser(user));
});

// FLAW (mass-assignment): any signed-in user can PUT { "role": "admin" } onto their own record.
usersRouter.put('/me', requireAuth, async (req, res) => {
  const user = await User.findByPk(req.auth!.sub);
  if (!user) {
    res.status(404).json({ error: 'not found' });
    return;
  }
  await user.update(req.body);
  res.json(toPublicUser(user));
});

// Safe twin: every server-owned field is taken out of the body before the rest is written.
usersRouter.put('/me/profile', requireAuth, async (req, res) => {
  const user = await User.findByPk(req.auth!.sub);
  if (!user) {
    res.status(404).json({ error: 'not found' });
    return;
  }
  const { id, role, passwordHash, resetToken, ...profile } = req.body;
  await user.update(profile);
  res.json(toPublicUser(user));
});

// Safe: admins only.
usersRouter.delete('/:id', requireAuth, requireAdmin, async (req, res) => {
  const deleted = await User.destroy({ where: { id: Number(req.params.id) } });
  res.status(deleted ? 204 : 404).end();
});
