// Page object of Configuration → Profiles: the profiles table, its row menus and bulk bar, and the create/edit dialog.
import { expect, type Locator, type Page } from '@playwright/test'

export interface ProfileInput {
  name: string
  tags: string[]
  intervalHours: number
}

export class ProfilesPage {
  readonly table: Locator

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Assessment profiles' })
  }

  async open(): Promise<void> {
    await this.page.goto('/configuration/profiles')
    await expect(this.page.getByRole('heading', { name: 'Assessment profiles', exact: true })).toBeVisible()
  }

  row(name: string): Locator {
    return this.page.getByTestId(`profile-${name}`)
  }

  newProfileButton(): Locator {
    return this.page.getByRole('button', { name: 'New profile' })
  }

  /** The create or edit dialog (its title names it). */
  dialog(title: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name: title })
  }

  /** Opens New profile and fills it in; the dialog is left to the caller to submit. */
  async fillNewProfile(input: ProfileInput): Promise<Locator> {
    await this.newProfileButton().click()
    const dialog = this.dialog('New assessment profile')
    await expect(dialog).toBeVisible()
    await dialog.getByLabel('Name').fill(input.name)
    await dialog.getByLabel('Tags').fill(input.tags.join(', '))
    await dialog.getByLabel('Scan interval (hours)').fill(String(input.intervalHours))
    return dialog
  }

  async createProfile(input: ProfileInput): Promise<void> {
    const dialog = await this.fillNewProfile(input)
    await dialog.getByRole('button', { name: 'Create profile' }).click()
    await expect(this.page.getByRole('status')).toContainText(`Created the profile ${input.name}`)
    await expect(dialog).toBeHidden()
  }

  /** The entries of a row's Actions menu (left open). */
  async rowActions(name: string): Promise<string[]> {
    await this.row(name).getByRole('button', { name: `Actions for ${name}` }).click()
    const menu = this.page.getByRole('menu')
    await expect(menu).toBeVisible()
    return menu.getByRole('menuitem').allTextContents()
  }

  async rowAction(name: string, action: 'View' | 'Edit' | 'Enable' | 'Disable' | 'Delete'): Promise<void> {
    await this.rowActions(name)
    await this.page.getByRole('menuitem', { name: action }).click()
  }
}
