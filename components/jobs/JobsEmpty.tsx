// The jobs list before the first job: what a job is and how to start one (from here, from Assets, or from Patches).
import Link from 'next/link'

export function JobsEmpty({ canCreate, canCreateAdvisory }: { canCreate: boolean; canCreateAdvisory: boolean }) {
  return (
    <section className="panel jobs-empty" aria-labelledby="jobs-empty-title">
      <h2 id="jobs-empty-title">No jobs yet</h2>
      {canCreate ? (
        <>
          <p>A job installs (or uninstalls) patches on the assets you target, on a schedule. To start one:</p>
          <ol>
            <li>
              <Link href="/jobs/new">Create a job</Link> here and walk through the steps, or
            </li>
            <li>
              select assets on <Link href="/assets">Assets</Link> and choose <strong>Create job</strong>, or
            </li>
            <li>
              select patches on <Link href="/patches">Patches</Link> and choose <strong>Create job</strong>.
            </li>
          </ol>
          <p className="muted">A new job is saved Disabled; enable it when its targets, patches and schedule are set.</p>
        </>
      ) : canCreateAdvisory ? (
        <p>
          Recommend patches to the patch team with a <Link href="/jobs/new?advisory=1">job advisory</Link>: a patch list a Patch Manager assigns to
          someone who schedules it.
        </p>
      ) : (
        <p>Jobs you are assigned to appear here once a Patch User or Manager creates them.</p>
      )}
    </section>
  )
}
