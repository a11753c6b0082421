// Signing in as the user does: the sign-in page, then the landing page (the home dashboard unless `landing` says otherwise).
import { expect, type Page } from '@playwright/test'
import { LoginPage } from './login-page'

export async function signIn(page: Page, email: string, password: string, landing: RegExp = /\/dashboards(\/|\?|$)/): Promise<void> {
  const login = new LoginPage(page)
  await login.open()
  await login.signIn(email, password)
  await expect(page).toHaveURL(landing)
}
