// A refused password names the form field it came from, so the browser form shows the reason at that field.
import { describe, expect, it } from 'vitest'
import { choosePassword } from './user-admin'

describe('choosePassword', () => {
  it('refuses a short password with details pointing at the field (password by default, newPassword on the Account page)', async () => {
    await expect(choosePassword('short', 'ada@example.test')).rejects.toMatchObject({ code: 'WEAK_PASSWORD', details: [{ path: 'password' }] })
    await expect(choosePassword('short', 'ada@example.test', 'newPassword')).rejects.toMatchObject({ code: 'WEAK_PASSWORD', details: [{ path: 'newPassword' }] })
  })

  it('generates one when none is given', async () => {
    const chosen = await choosePassword('', 'ada@example.test')
    expect(chosen.generated).toBe(true)
    expect(chosen.password.length).toBeGreaterThanOrEqual(12)
  })
})
