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

  async disable(email: string): Promise<void> {
    await this.row(email).getByRole('button', { name: 'Disable' }).click()
    await expect(this.page.getByRole('status')).toContainText(`Disabled: ${email}`)
  }
}
