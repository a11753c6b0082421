// Jobs in Chromium: a Patch User creates a weekly job from three selected assets through the wizard and enables it; the wizard
// keeps what was typed when the server refuses a step; Patch Security creates an advisory a Patch Manager assigns; a Reader
// sees the list without edit actions; axe-core on the list and each wizard step; screenshots of each.
import { expect, test } from '@playwright/test'
import { E2E_ADMIN } from '../playwright.config'
import { AppShell } from './pages/app-shell'
import { expectNoSeriousViolations } from './pages/axe'
import { JobsPage, JobWizardPage } from './pages/jobs-page'
import { LoginPage } from './pages/login-page'
import { signIn } from './pages/session'
import { UsersPage } from './pages/users-page'

const PASSWORD = 'jobs-e2e-password-1234'
const USER = { email: 'jobs.user@e2e.test', name: 'Julia Jobs', role: 'Patch User', tags: ['Site-Berlin'], password: PASSWORD }
const SECURITY = { email: 'jobs.security@e2e.test', name: 'Selma Security', role: 'Patch Security', tags: ['Site-Berlin'], password: PASSWORD }
const MANAGER = { email: 'jobs.manager@e2e.test', name: 'Max Manager', role: 'Patch Manager', tags: ['Site-Berlin'], password: PASSWORD }
const READER = { email: 'jobs.reader@e2e.test', name: 'Rudi Reader', role: 'Patch Reader', tags: ['Site-Berlin'], password: PASSWORD }
const JOB = 'Berlin weekly security updates'
const ADVISORY = 'Advisory: urgent browser fix'

test.describe.configure({ mode: 'serial' })

test('the admin creates the jobs users', async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password)
  const users = new UsersPage(page)
  await users.open()
  for (const user of [USER, SECURITY, MANAGER, READER]) await users.createUser(user)
})

test('a Patch User selects three assets, creates a weekly job with two patches, enables it and finds it in the list', async ({ page }) => {
  test.setTimeout(120_000)
  await signIn(page, USER.email, USER.password)
  const jobs = new JobsPage(page)
  await jobs.open()
  // Other specs may have created jobs on this server already: the first-run help is covered in components/jobs/JobsList.test.tsx.
  await expect(page.getByRole('heading', { name: 'Jobs', level: 1 })).toBeVisible()

  await page.goto('/assets')
  const boxes = page.locator('table.data tbody tr input[type=checkbox]')
  for (let i = 0; i < 3; i++) await boxes.nth(i).check()
  await page.getByRole('region', { name: 'Selected rows' }).getByRole('link', { name: 'Create job' }).click()
  await expect(page).toHaveURL(/\/jobs\/new\?assets=/)

  const wizard = new JobWizardPage(page)
  await expect(wizard.stepHeading('Basic info')).toBeVisible()
  await wizard.form.getByLabel('Name').fill(JOB)
  await page.screenshot({ path: '/tmp/pb-wizard-1-basics.png', fullPage: true })
  await expectNoSeriousViolations(page, 'wizard basics')
  await wizard.next('Targets')
  await expect(wizard.chips('Target assets')).toHaveCount(3)
  await expect(page.getByTestId('targets-count')).toContainText('3 assets included')
  await page.screenshot({ path: '/tmp/pb-wizard-2-targets.png', fullPage: true })
  await expectNoSeriousViolations(page, 'wizard targets')

  await wizard.next('Patches')
  await wizard.pick('Patches', 'patches', 2)
  await expect(wizard.chips('Patches')).toHaveCount(2)
  await page.screenshot({ path: '/tmp/pb-wizard-3-patches.png', fullPage: true })
  await expectNoSeriousViolations(page, 'wizard patches')

  await wizard.next('Schedule')
  await wizard.weekly(['Tue', 'Thu'], '22:00', 'Europe/Berlin')
  await expect(page.getByTestId('schedule-words')).toHaveText('Weekly on Tue, Thu at 22:00 Europe/Berlin')
  await page.screenshot({ path: '/tmp/pb-wizard-4-schedule.png', fullPage: true })
  await expectNoSeriousViolations(page, 'wizard schedule')

  await wizard.next('Options')
  await wizard.form.getByLabel('Let the user defer the reboot').check()
  await page.screenshot({ path: '/tmp/pb-wizard-5-options.png', fullPage: true })
  await expectNoSeriousViolations(page, 'wizard options')
  await wizard.next('Co-authors')
  // Co-authors are the users of the same or a higher role with a scope at least as large: the Manager is one, the Reader is not.
  await expect(wizard.form.getByLabel(new RegExp(MANAGER.name))).toBeVisible()
  await expect(wizard.form.getByText(READER.email)).toHaveCount(0)
  await page.screenshot({ path: '/tmp/pb-wizard-6-coauthors.png', fullPage: true })
  await wizard.next('Summary')
  await expect(page.getByTestId('summary-schedule')).toContainText('Weekly on Tue, Thu at 22:00 Europe/Berlin')
  await expect(page.getByTestId('summary-targets')).toContainText('3 assets')
  await expect(page.getByText('Fully configured: targets, patches and a schedule are set.')).toBeVisible()
  await page.screenshot({ path: '/tmp/pb-wizard-7-summary.png', fullPage: true })
  await expectNoSeriousViolations(page, 'wizard summary')

  await wizard.form.getByRole('button', { name: 'Save and enable' }).click()
  await expect(page).toHaveURL(/\/jobs$/)
  const row = jobs.row(JOB)
  await expect(row).toContainText('Enabled')
  await expect(row).toContainText('Weekly on Tue, Thu at 22:00 Europe/Berlin')
  await expect(row.locator('td.num').nth(0)).toHaveText('2')
  await expect(row.locator('td.num').nth(1)).toHaveText('3')
  await page.screenshot({ path: '/tmp/pb-jobs-list.png', fullPage: true })
  await expectNoSeriousViolations(page, 'jobs list')
  // Export holds the list's rows: narrowed by a Type filter to Install jobs, the dialog counts what the grid counts.
  await page.goto('/jobs?type=Install')
  const listed = (await page.getByTestId('table-count').textContent())!.match(/of ([\d,]+) jobs/)![1]
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const exportDialog = page.getByRole('dialog', { name: 'Export jobs' })
  await expect(exportDialog.getByTestId('export-summary')).toContainText(`${listed} ${listed === '1' ? 'row' : 'rows'}`)
  await exportDialog.getByRole('button', { name: 'Cancel' }).click()
  await page.goto('/jobs')
  const menu = await jobs.openActions(JOB)
  await expect(menu.getByRole('menuitem', { name: 'Disable' })).toBeVisible()
  await expect(menu.getByRole('menuitem', { name: 'Enable' })).toHaveCount(0)
  await expectNoSeriousViolations(page, 'row actions menu')
  await page.keyboard.press('Escape')
  // A 768 px tablet: the wide grid scrolls inside its card, the page does not.
  await page.setViewportSize({ width: 768, height: 1000 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768)
  await page.screenshot({ path: '/tmp/pb-jobs-list-768.png', fullPage: true })
})

test('the wizard keeps what was typed when the server refuses a step, and shows the server message at the field', async ({ page }) => {
  await signIn(page, USER.email, USER.password)
  await page.goto('/jobs/new')
  const wizard = new JobWizardPage(page)
  await wizard.form.getByLabel('Name').fill('Kept after a refusal')
  await wizard.form.getByLabel('Description (optional)').fill('typed before the refusal')
  // The browser's own check passes; the request is changed on its way so the real server sees a name it refuses.
  await page.route('**/api/v1/jobs/validate', async (route) => {
    const body = route.request().postDataJSON() as { step: string; value: { name: string } }
    await route.continue({ postData: JSON.stringify({ ...body, value: { ...body.value, name: 'x'.repeat(201) } }) })
  })
  await wizard.form.getByRole('button', { name: 'Next: Targets' }).click()
  await expect(wizard.form.locator('.field-error')).toContainText(/200/)
  await expect(wizard.stepHeading('Basic info')).toBeVisible()
  await expect(wizard.form.getByLabel('Name')).toHaveValue('Kept after a refusal')
  await expect(wizard.form.getByLabel('Description (optional)')).toHaveValue('typed before the refusal')
  await page.screenshot({ path: '/tmp/pb-wizard-server-error.png', fullPage: true })
  await page.unroute('**/api/v1/jobs/validate')
  await wizard.next('Targets')
  await wizard.form.getByRole('button', { name: 'Back' }).click()
  await expect(wizard.form.getByLabel('Name')).toHaveValue('Kept after a refusal')
})

test('Patch Security creates an advisory; a Patch Manager assigns it to a Patch User', async ({ page }) => {
  await signIn(page, SECURITY.email, SECURITY.password)
  const jobs = new JobsPage(page)
  await jobs.open()
  await expect(page.getByRole('link', { name: 'New job' })).toHaveCount(0)
  await page.getByRole('link', { name: 'New advisory' }).click()
  const wizard = new JobWizardPage(page)
  await wizard.form.getByLabel('Name').fill(ADVISORY)
  await wizard.next('Patches')
  await wizard.pick('Patches', 'patches', 1)
  await wizard.next('Summary')
  await page.screenshot({ path: '/tmp/pb-advisory-summary.png', fullPage: true })
  await wizard.form.getByRole('button', { name: 'Save advisory' }).click()
  await expect(page).toHaveURL(/\/jobs$/)
  await expect(jobs.row(ADVISORY)).toContainText('Advisory')
  await expect(jobs.row(ADVISORY)).toContainText('No owner (advisory)')
  await new AppShell(page).signOut()

  await new LoginPage(page).signIn(MANAGER.email, MANAGER.password)
  await expect(page).toHaveURL(/\/dashboards\//)
  await jobs.open()
  const menu = await jobs.openActions(ADVISORY)
  await menu.getByRole('menuitem', { name: 'Assign' }).click()
  const dialog = page.getByRole('dialog', { name: `Assign ${ADVISORY}` })
  await expect(dialog.getByLabel('Owner').locator('option', { hasText: USER.email })).toHaveCount(1)
  await dialog.getByLabel('Owner').selectOption({ label: `${USER.name} (${USER.email}) — Patch User` })
  await page.screenshot({ path: '/tmp/pb-advisory-assign.png', fullPage: true })
  await expectNoSeriousViolations(page, 'assign dialog')
  await dialog.getByRole('button', { name: 'Assign' }).click()
  await expect(page.getByRole('status')).toContainText(`Assigned ${ADVISORY}.`)
  await expect(jobs.row(ADVISORY)).toContainText(USER.email)
})

test('bulk actions answer per job: refused ones with the reason, the others done', async ({ page }) => {
  await signIn(page, USER.email, USER.password)
  const jobs = new JobsPage(page)
  await jobs.open()
  // The assigned advisory is now the user's Disabled job, partially configured (no targets, no schedule).
  await expect(jobs.row(ADVISORY)).toContainText('Partially configured')
  // A clone is Disabled and fully configured: enabling it and the advisory together, only the clone is enabled.
  const menu = await jobs.openActions(JOB)
  await menu.getByRole('menuitem', { name: 'Clone' }).click()
  await expect(page.getByRole('status')).toContainText(`Cloned ${JOB}; the copy is Disabled.`)
  const copy = `Copy of ${JOB}`
  await expect(jobs.row(copy)).toContainText('Disabled')
  await page.getByRole('checkbox', { name: `Select ${copy}` }).check()
  await page.getByRole('checkbox', { name: `Select ${ADVISORY}` }).check()
  const bar = page.getByRole('region', { name: 'Selected rows' })
  await bar.getByRole('button', { name: 'Enable' }).click()
  const results = page.getByTestId('bulk-results')
  await expect(results).toContainText(`Enabled ${copy}.`)
  await expect(results.getByRole('list', { name: 'Refused' })).toContainText(`${ADVISORY}: `)
  await expect(results).toContainText('partially configured')
  await expect(jobs.row(copy)).toContainText('Enabled')
  await page.screenshot({ path: '/tmp/pb-jobs-bulk-results.png', fullPage: true })

  await page.getByRole('checkbox', { name: `Select ${ADVISORY}` }).check()
  await bar.getByRole('button', { name: 'Delete' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Delete 1 job?' })
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await confirm.getByRole('button', { name: 'Delete jobs' }).click()
  await expect(results).toContainText(`Deleted ${ADVISORY}.`)
  await expect(jobs.row(ADVISORY)).toHaveCount(0)
  await expect(jobs.row(JOB)).toContainText('Enabled')
})

test('editing a job opens the wizard on its stored values and saves the change', async ({ page }) => {
  await signIn(page, USER.email, USER.password)
  const jobs = new JobsPage(page)
  await jobs.open()
  const copy = `Copy of ${JOB}`
  const menu = await jobs.openActions(copy)
  await menu.getByRole('menuitem', { name: 'Edit' }).click()
  await expect(page.getByRole('heading', { name: `Edit ${copy}` })).toBeVisible()
  const wizard = new JobWizardPage(page)
  await expect(wizard.form.getByLabel('Name')).toHaveValue(copy)
  await wizard.next('Targets')
  await expect(wizard.chips('Target assets')).toHaveCount(3)
  await wizard.form.getByRole('button', { name: 'Schedule' }).click()
  await expect(page.getByTestId('schedule-words')).toHaveText('Weekly on Tue, Thu at 22:00 Europe/Berlin')
  await wizard.form.getByLabel('Fri', { exact: true }).check()
  await wizard.form.getByLabel('At', { exact: true }).fill('21:30')
  await wizard.form.getByRole('button', { name: 'Summary' }).click()
  await expect(page.getByTestId('summary-schedule')).toContainText('Weekly on Tue, Thu, Fri at 21:30 Europe/Berlin')
  await page.screenshot({ path: '/tmp/pb-wizard-edit-summary.png', fullPage: true })
  await wizard.form.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page).toHaveURL(/\/jobs$/)
  await expect(jobs.row(copy)).toContainText('Weekly on Tue, Thu, Fri at 21:30 Europe/Berlin')
  await expect(jobs.row(copy)).toContainText('Enabled')
})

test('a Reader sees the jobs without edit actions', async ({ page }) => {
  await signIn(page, READER.email, READER.password)
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' })).toBeVisible()
  const jobs = new JobsPage(page)
  await jobs.open()
  await expect(jobs.row(JOB)).toContainText('Weekly on Tue, Thu at 22:00 Europe/Berlin')
  await expect(page.getByRole('link', { name: 'New job' })).toHaveCount(0)
  await expect(page.getByRole('checkbox', { name: `Select ${JOB}` })).toHaveCount(0)
  // Neither owner nor co-author: the job is listed, but offers no action at all (and its name opens nothing).
  await expect(jobs.row(JOB).getByRole('button', { name: `Actions for ${JOB}` })).toHaveCount(0)
  await expect(jobs.row(JOB).getByRole('link', { name: JOB })).toHaveCount(0)
  expect((await page.request.get('/jobs/new')).url()).toContain('/not-allowed')
  await page.screenshot({ path: '/tmp/pb-jobs-reader.png', fullPage: true })
})
