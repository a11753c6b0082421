'use client'
// Error boundary of signed-in pages: says what went wrong (e.g. a role without access) instead of a blank page.
export default function SectionError({ error }: { error: Error & { digest?: string } }) {
  const forbidden = /may not/.test(error.message)
  return (
    <div className="panel not-allowed" role="alert">
      <h1>{forbidden ? 'Not allowed' : 'Something went wrong'}</h1>
      <p className="muted">{forbidden ? error.message : 'The server could not show this page. Details are in the server log.'}</p>
    </div>
  )
}
