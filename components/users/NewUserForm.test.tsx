// @vitest-environment jsdom
// The New user form: the server's zod schema speaks at the field before any request; the server's own field errors land at their fields.
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { NewUserForm } from './NewUserForm'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }))
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

/** The error text a field announces (its aria-describedby), as a screen reader would read it. */
function errorOf(label: string): string {
  const input = screen.getByLabelText(label)
  expect(input.getAttribute('aria-invalid')).toBe('true')
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
}

async function fill(fields: Record<string, string>) {
  const user = userEvent.setup()
  for (const [label, value] of Object.entries(fields)) await user.type(screen.getByLabelText(label), value)
  await user.click(screen.getByRole('button', { name: 'Create user' }))
}

describe('NewUserForm', () => {
  it('shows the schema\'s message at the Email field and sends nothing while the email is not one', async () => {
    const fetchMock = answer(200, {})
    render(<NewUserForm knownTags={[]} onCreated={vi.fn()} />)
    await fill({ Email: 'not-an-email', Name: 'Nora' })
    expect(await screen.findByText('Enter an email address such as name@example.com.')).toBeTruthy()
    expect(errorOf('Email')).toContain('Enter an email address')
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('puts the server\'s field details at their fields, and a message without a field above the buttons', async () => {
    answer(400, { error: { code: 'INVALID_INPUT', message: 'Invalid input: name: too long', details: [{ path: 'name', message: 'The server says: too long' }] } })
    const onCreated = vi.fn()
    render(<NewUserForm knownTags={[]} onCreated={onCreated} />)
    await fill({ Email: 'nora@example.com', Name: 'Nora' })
    expect(await screen.findByText('The server says: too long')).toBeTruthy()
    expect(errorOf('Name')).toBe('The server says: too long')
    expect(onCreated).not.toHaveBeenCalled()

    cleanup()
    answer(400, { error: { code: 'WEAK_PASSWORD', message: 'The password is too easy to guess.', details: [{ path: 'password', message: 'The password is too easy to guess.' }] } })
    render(<NewUserForm knownTags={[]} onCreated={onCreated} />)
    await fill({ Email: 'nora@example.com', Name: 'Nora', Password: 'password1234' })
    expect(await screen.findByText('The password is too easy to guess.')).toBeTruthy()
    expect(errorOf('Password')).toBe('The password is too easy to guess.')
    expect(screen.queryByRole('alert')).toBeNull()

    cleanup()
    answer(409, { error: { code: 'EMAIL_TAKEN', message: 'A user with the email nora@example.com exists already.', details: null } })
    render(<NewUserForm knownTags={[]} onCreated={onCreated} />)
    await fill({ Email: 'nora@example.com', Name: 'Nora' })
    expect((await screen.findByRole('alert')).textContent).toBe('A user with the email nora@example.com exists already.')
  })

  it('sends the schema\'s output (trimmed, lower-cased email; no scope means the role\'s default) and reports the generated password', async () => {
    const fetchMock = answer(200, { user: { email: 'nora@example.com', role: 'Patch Reader' }, generatedPassword: 'pw-shown-once' })
    const onCreated = vi.fn()
    render(<NewUserForm knownTags={[]} onCreated={onCreated} />)
    await fill({ Email: '  Nora@Example.com ', Name: 'Nora' })
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalled())
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(JSON.parse(String(init.body))).toEqual({ email: 'nora@example.com', name: 'Nora', role: 'Patch Reader', timeZone: 'UTC' })
    expect(onCreated.mock.calls[0][0]).toMatchObject({ kind: 'ok', secret: 'pw-shown-once' })
  })
  it('empties the scope box with the rest of the form after a user is created, so the next user gets the tags typed for them', async () => {
    const fetchMock = answer(200, { user: { email: 'nora@example.com', role: 'Patch Reader' }, generatedPassword: 'pw' })
    const onCreated = vi.fn()
    render(<NewUserForm knownTags={[]} onCreated={onCreated} />)
    await fill({ Email: 'nora@example.com', Name: 'Nora', 'Scope tags': 'Site-Berlin' })
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1))
    await vi.waitFor(() => expect((screen.getByLabelText('Scope tags') as HTMLInputElement).value).toBe(''))
    await fill({ Email: 'omar@example.com', Name: 'Omar', 'Scope tags': 'Site-Berlin' })
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledTimes(2))
    const [, init] = fetchMock.mock.calls[1] as unknown as [string, RequestInit]
    expect(JSON.parse(String(init.body)).scope).toEqual({ all: false, tags: ['Site-Berlin'] })
  })
})
