// The password policy: 12–1024 characters, not blank, not the email address, and hard to guess (zxcvbn-ts score ≥ 3).
import type { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-limits'
/** zxcvbn's score 3: "safely unguessable", about 10^10 guesses — out of reach online, costly offline against scrypt. */
export const PASSWORD_MIN_SCORE = 3

let estimator: Promise<ZxcvbnFactory> | undefined

/**
 * The strength estimator with the common and English dictionaries (about 1.5 MB), loaded on the first password
 * check — never by a page, and only on the server (this module is imported by server code alone).
 */
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({ translations: en.translations, graphs: common.adjacencyGraphs, dictionary: { ...common.dictionary, ...en.dictionary } }),
  )
  return estimator
}

/** The reason a password is refused, with the estimator's warning and suggestions when it is guessable; null when it is fine. */
export async function passwordPolicyViolation(password: string, email: string): Promise<string | null> {
  if (password.trim() === '') return 'The password must not be blank or only spaces.'
  if (password.length < PASSWORD_MIN_LENGTH) return `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`
  if (password.length > PASSWORD_MAX_LENGTH) return `The password may have at most ${PASSWORD_MAX_LENGTH} characters.`
  const candidate = password.trim().toLowerCase()
  const address = email.trim().toLowerCase()
  const localPart = address.split('@')[0]
  if (candidate === address || candidate === localPart) return 'The password must not be the email address.'
  // The estimator's cost grows with length; a long password's first 100 characters decide.
  const result = (await loadEstimator()).check(password.slice(0, 100), [address, localPart, 'patchboard'])
  if (result.score >= PASSWORD_MIN_SCORE) return null
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ')
  return `This password is too easy to guess.${advice ? ` ${advice}` : ''} Try a few unrelated words or a password manager's random password.`
}
