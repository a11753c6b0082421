'use client'
// Wizard step 6 — co-authors: users of the same or a higher role with a scope at least as large (the server lists who qualifies).
import { useEffect, useState } from 'react'
import { useFormContext, useWatch } from 'react-hook-form'
import { callApi } from '@/components/api-client'
import type { JobPersonOption } from '@/components/jobs/jobs-api'
import { FieldMessage } from './FieldMessage'
import type { WizardValues } from './form-model'

export function CoAuthorsStep({ jobId, disabled, onPeople }: { jobId: string | null; disabled: boolean; onPeople: (people: JobPersonOption[]) => void }) {
  const { setValue, control } = useFormContext<WizardValues>()
  const chosen = useWatch({ control, name: 'coAuthors.coAuthorIds' })
  const [people, setPeople] = useState<JobPersonOption[] | null>(null)
  const [error, setError] = useState('')

  useEffect(() => {
    const params = new URLSearchParams({ purpose: 'coAuthor', ...(jobId ? { jobId } : {}) })
    callApi<{ people: JobPersonOption[] }>('GET', `/api/v1/jobs/people?${params.toString()}`).then((result) => {
      if (!result.ok) return setError(result.message)
      setPeople(result.data.people)
      onPeople(result.data.people)
    })
  }, [jobId, onPeople])

  if (error) return <p className="error">{error}</p>
  if (!people) return <p className="muted">Loading who may co-author…</p>
  if (people.length === 0) return <p className="muted">No other user qualifies: a co-author needs the same or a higher role and a scope at least as large as the owner&apos;s.</p>
  return (
    <fieldset className="radio-group stacked" disabled={disabled}>
      <legend>Co-authors may edit the job&apos;s tags and operate it with you.</legend>
      {people.map((person) => (
        <label key={person.id} className="inline">
          <input
            type="checkbox"
            checked={chosen.includes(person.id)}
            onChange={(event) => setValue('coAuthors.coAuthorIds', event.target.checked ? [...chosen, person.id] : chosen.filter((id) => id !== person.id), { shouldDirty: true })}
          />
          {person.name || person.email} <span className="muted">{person.email} · {person.role}</span>
        </label>
      ))}
      <FieldMessage name="coAuthors.coAuthorIds" />
    </fieldset>
  )
}
