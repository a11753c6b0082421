'use client'
// Wizard summary: the whole job in words, and what it still lacks (a job without targets, patches or a schedule is partially configured).
import { useFormContext, useWatch } from 'react-hook-form'
import type { JobPersonOption } from '@/components/jobs/jobs-api'
import { countOf } from '@/lib/format'
import { stepInput, type WizardStep, type WizardValues } from './form-model'
import { scheduleInWords } from './ScheduleStep'

interface Props {
  names: Record<string, string>
  people: JobPersonOption[]
  advisory: boolean
  onEdit: (step: WizardStep) => void
}

const list = (items: string[], none: string) => (items.length === 0 ? none : items.join(', '))

/** What the job lacks before it can be enabled (advisories carry a patch list only). */
export function missingParts(values: WizardValues, advisory: boolean): string[] {
  const parts: [WizardStep, string][] = [['targets', 'targets'], ['patches', 'patches'], ['schedule', 'schedule']]
  return parts.filter(([step]) => (!advisory || step === 'patches') && stepInput(values, step as 'targets') === null).map(([, label]) => label)
}

function rebootWords(o: WizardValues['options']): string {
  if (o.mode === 'allow') return 'Reboots when a patch needs it'
  if (o.mode === 'suppress') return 'Never reboots'
  return `The user may defer the reboot ${countOf(Number(o.deferCount), 'time')}, asked every ${o.intervalMinutes} min, then a ${o.countdownMinutes}-minute countdown`
}

export function SummaryStep({ names, people, advisory, onEdit }: Props) {
  const { control } = useFormContext<WizardValues>()
  const values = useWatch({ control }) as WizardValues
  const { basics, targets, patches, options } = values
  const missing = missingParts(values, advisory)
  const s = values.schedule
  const rows: [WizardStep, string, string][] = [
    ['basics', 'Job', `${basics.name || '(no name)'}${advisory ? ' — advisory' : ` — ${basics.type}`}${basics.description ? `: ${basics.description}` : ''}`],
    ...(advisory
      ? []
      : ([
          [
            'targets',
            'Targets',
            [
              targets.assetIds.length > 0 ? `${countOf(targets.assetIds.length, 'asset')}: ${targets.assetIds.map((id) => names[id] ?? id).join(', ')}` : '',
              targets.tags.length > 0 ? `assets with ${targets.tagMatch === 'All' ? 'all' : 'any'} of the tags ${targets.tags.join(', ')}` : '',
              targets.exclusionTags.length > 0 ? `except those with ${targets.exclusionMatch === 'All' ? 'all' : 'any'} of ${targets.exclusionTags.join(', ')}` : '',
            ]
              .filter(Boolean)
              .join('; ') || 'No targets yet',
          ],
        ] as [WizardStep, string, string][])),
    [
      'patches',
      'Patches',
      patches.mode === 'list' ? list(patches.patchIds.map((id) => names[id] ?? id), 'No patches yet') : patches.query.trim() ? `Dynamic: ${patches.query}` : 'No patches query yet',
    ],
    ...(advisory
      ? []
      : ([
          ['schedule', 'Schedule', s.type === '' ? 'Not scheduled yet' : `${scheduleInWords(values)}; patch window ${countOf(Number(s.patchWindowHours), 'hour')}${Number(s.downloadRandomizationMinutes) > 0 ? `; downloads spread over ${s.downloadRandomizationMinutes} min` : ''}${s.opportunisticDownload ? '; opportunistic download' : ''}`],
          ['options', 'Options', [rebootWords(options), options.before && `before: “${options.before}”`, options.during && `during: “${options.during}”`, options.after && `after: “${options.after}”`].filter(Boolean).join('; ')],
          ['coAuthors', 'Co-authors', list(values.coAuthors.coAuthorIds.map((id) => people.find((person) => person.id === id)?.email ?? id), 'None')],
        ] as [WizardStep, string, string][])),
  ]
  return (
    <div>
      {missing.length > 0 ? (
        <p className="warning" role="note" data-testid="summary-missing">
          Partially configured: no {missing.join(', no ')} yet. It can be saved, but it cannot be enabled or run until {missing.length === 1 ? 'it is' : 'they are'} added.
        </p>
      ) : (
        !advisory && <p className="outcome outcome-ok">Fully configured: targets, patches and a schedule are set.</p>
      )}
      <dl className="summary-list" aria-label="Job summary">
        {rows.map(([step, label, text]) => (
          <div key={step} className="summary-row">
            <dt>{label}</dt>
            <dd data-testid={`summary-${step}`}>{text}</dd>
            <dd className="summary-edit">
              <button type="button" className="link" onClick={() => onEdit(step)}>
                Change<span className="visually-hidden"> {label.toLowerCase()}</span>
              </button>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  )
}
