// Who may own or co-author a job: the people picker's lists, and checking the co-authors a job is saved with.
import { z } from 'zod'
import type { Database } from '@/clickhouse/client'
import { authorize, can } from '@/lib/auth/policy'
import type { Role, SessionUser, TagScope } from '@/lib/auth/user'
import { invalid } from '@/lib/errors'
import { listUsers, type UserRecord } from '@/lib/repositories/users'
import { viewableJob } from './jobs-access'
import { mayCoAuthor, mayOwnJobs } from './jobs-rules'

export const jobPeopleQuery = z.object({
  purpose: z.enum(['owner', 'coAuthor']),
  jobId: z.string().trim().min(1).max(256).optional(),
})

export interface JobPeople {
  people: { id: string; email: string; name: string; role: Role }[]
}

type Person = Pick<SessionUser, 'id' | 'role' | 'scope'>

/**
 * Eligible owners (Patch Users, Managers and Administrators; choosing one needs jobs.changeOwner), or eligible co-authors
 * of a job (its owner's, or for a new job the caller's: same or higher role, a scope at least as large; needs jobs.create).
 */
export async function listJobPeople(db: Database, user: SessionUser, query: z.infer<typeof jobPeopleQuery>): Promise<JobPeople> {
  const users = (await listUsers(db)).filter((candidate) => !candidate.disabled)
  let eligible: UserRecord[]
  if (query.purpose === 'owner') {
    authorize(user, 'jobs.changeOwner')
    eligible = users.filter((candidate) => mayOwnJobs(candidate.role))
  } else {
    authorize(user, can(user, 'jobs.changeOwner') ? 'jobs.changeOwner' : 'jobs.create')
    const job = query.jobId ? await viewableJob(db, user, query.jobId) : null
    const owner: Person | undefined = job === null ? user : users.find((candidate) => candidate.id === job.ownerId)
    eligible = owner === undefined ? [] : users.filter((candidate) => candidate.id !== owner.id && mayCoAuthor(candidate, owner))
  }
  return { people: eligible.map(({ id, email, name, role }) => ({ id, email, name, role })) }
}

/** The co-authors a job is saved with, checked against its owner: existing active users, eligible, not the owner. */
export async function resolveCoAuthors(db: Database, owner: Person, ids: string[]): Promise<{ ids: string[]; emails: string[] }> {
  if (ids.length === 0) return { ids: [], emails: [] }
  const users = new Map((await listUsers(db)).map((candidate) => [candidate.id, candidate]))
  const emails = ids.map((id) => {
    const candidate = users.get(id)
    if (candidate === undefined || candidate.disabled) throw invalid('JOB_CO_AUTHOR_UNKNOWN', `No such active user to co-author the job: ${id}.`, { field: 'coAuthors.coAuthorIds', id })
    if (id === owner.id) throw invalid('JOB_CO_AUTHOR_IS_OWNER', `${candidate.email} owns the job and cannot also co-author it.`, { field: 'coAuthors.coAuthorIds', id })
    if (!mayCoAuthor(candidate, owner)) {
      throw invalid(
        'JOB_CO_AUTHOR_NOT_ELIGIBLE',
        `${candidate.email} (${candidate.role}) cannot co-author this job: a co-author needs the same or a higher role than the owner (${owner.role}) and a tag scope at least as large.`,
        { field: 'coAuthors.coAuthorIds', id },
      )
    }
    return candidate.email
  })
  return { ids, emails }
}

/** Co-authors still eligible under a new owner (the others are dropped at a change of owner, and the new owner too). */
export function coAuthorsUnder(owner: Person, coAuthors: { ids: string[]; emails: string[] }, users: Map<string, { role: Role; scope: TagScope }>) {
  const keep = coAuthors.ids.map((id, index) => ({ id, email: coAuthors.emails[index] ?? '' })).filter(({ id }) => {
    const candidate = users.get(id)
    return id !== owner.id && candidate !== undefined && mayCoAuthor(candidate, owner)
  })
  return { ids: keep.map((person) => person.id), emails: keep.map((person) => person.email) }
}
