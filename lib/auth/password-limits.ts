// Password length limits, safe for browser code (forms); the full policy with the strength estimator is server-only (password-policy.ts).
export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 1024
