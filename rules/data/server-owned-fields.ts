// Which request-body fields the server owns, by operation: the knowledge behind spec/writable-server-field, on top
// of the names in sensitive-fields.ts (shared with the code rule mass-assignment). Several entries come from
// findings on Box, Discourse, SendGrid, Slack and Stripe's descriptions that named something a request legitimately
// carries (a teammate's is_admin, an API key's scopes, the id in `POST /calls.end`).

/**
 * Names of each kind that a request may well carry for good reasons, left out: `active`/`locked` (a client pauses
 * its own webhook, locks an issue), `plan`/`subscription`/`discount` (chosen by the client, priced by the server),
 * relation ids such as `userId`/`accountId`/`tenantId` (a transfer's recipient, a membership's user: which one is
 * the owner the spec cannot say), `token`-like credentials (a client sends its refresh or reset token).
 */
export const NOT_SERVER_OWNED: ReadonlySet<string> = new Set([
  'active', 'isactive', 'locked', 'islocked', 'plan', 'subscription', 'discount',
  'userid', 'user', 'accountid', 'tenantid', 'organizationid', 'organisationid', 'orgid', 'owner', 'author',
  'hash', 'resettoken', 'resetpasswordtoken', 'passwordresettoken', 'verificationtoken', 'refreshtoken', 'apikey', 'totpsecret', 'mfasecret',
  'created', 'updated',
  // Requested for a credential being created (an API key's, an OAuth consent's), not held by a user.
  'scopes',
]);

/**
 * Path words of operations whose purpose is to assign roles, permissions, owners or tokens to someone: there the
 * request carries `role`, `permissions`, `ownerId` by design (`PUT /orgs/{org}/memberships/{user}` with a role).
 */
export const ASSIGNMENT_PATH_WORDS: ReadonlySet<string> = new Set([
  'role', 'roles', 'permission', 'permissions', 'member', 'members', 'membership', 'memberships', 'collaborator', 'collaborators',
  'invitation', 'invitations', 'invite', 'invites', 'grant', 'grants', 'scope', 'scopes', 'authorization', 'authorizations',
  'oauth', 'token', 'tokens', 'key', 'keys', 'team', 'teams', 'teammate', 'teammates', 'collaboration', 'collaborations',
  'admin', 'admins', 'acl', 'acls', 'access', 'share', 'shares', 'sharing', 'transfer',
]);

/** Verbs that make a path an action on a record rather than the record itself. */
export const ACTION_PATH_WORDS: ReadonlySet<string> = new Set([
  'add', 'remove', 'delete', 'end', 'start', 'stop', 'update', 'change', 'mark', 'set', 'unset', 'cancel', 'close',
  'open', 'approve', 'reject', 'send', 'assign', 'unassign', 'merge', 'move', 'copy', 'archive', 'restore', 'read',
  'lock', 'unlock', 'enable', 'disable', 'join', 'leave', 'invite', 'revoke', 'verify', 'confirm', 'refund',
]);
