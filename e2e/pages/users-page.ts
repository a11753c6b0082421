// Page object of Administration → Users.
import { expect, type Page } from '@playwright/test'

export interface NewUserInput {
  email: string
  name: string
  role: string
  tags: string[]
  password: string
}

export class UsersPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/administration/users')
    await expect(this.page.getByRole('heading', { name: 'Users', exact: true })).toBeVisible()
  }

  async createUser(input: NewUserInput): Promise<void> {
    const form = this.page.getByRole('form', { name: 'New user' })
    await form.getByLabel('Email').fill(input.email)
    await form.getByLabel('Name').fill(input.name)
    await form.getByLabel('Role').selectOption(input.role)
    await form.getByLabel('Scope tags').fill(input.tags.join(', '))
    await form.getByLabel('Password').fill(input.password)
    await form.getByRole('button', { name: 'Create user' }).click()
    await expect(this.page.getByRole('status')).toContainText(`Created ${input.email}`)
  }

  row(email: string) {
    return this.page.getByTestId(`user-${email}`)
  }

  /** Picks an entry of the row's Actions menu. */
  async rowAction(email: string, action: 'Edit' | 'Disable' | 'Enable' | 'Reset password' | 'Force sign-out' | 'Delete'): Promise<void> {
    await this.row(email).getByRole('button', { name: `Actions for ${email}` }).click()
    await this.page.getByRole('menuitem', { name: action }).click()
  }

  async disable(email: string): Promise<void> {
    await this.rowAction(email, 'Disable')
    await expect(this.page.getByRole('status')).toContainText(`Disabled: ${email}`)
  }

  /** Asks to delete; the confirmation dialog is left open for the caller to answer. */
  async askToDelete(email: string) {
    await this.rowAction(email, 'Delete')
    const dialog = this.page.getByRole('alertdialog', { name: `Delete ${email}?` })
    await expect(dialog).toBeVisible()
    return dialog
  }
}
