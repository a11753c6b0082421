// The licence consumption counter: "2,140 of 2,000 — 107 %" and a bar whose part beyond the licence count shows in the danger colour.
import { describeConsumption, type LicenseOverview } from '@/lib/schemas/licenses'

export function LicenseMeter({ overview }: { overview: LicenseOverview }) {
  const scale = Math.max(overview.consumed, overview.licenseCount, 1)
  const withinCount = Math.min(overview.consumed, overview.licenseCount)
  const over = overview.overBy > 0
  return (
    <div className="license-meter" data-over={over || undefined}>
      <p className="license-meter-figures">
        <strong>{describeConsumption(overview)}</strong> licences consumed
      </p>
      {/* The figures above say it all; the bar only draws them. */}
      <div className="license-meter-track" aria-hidden="true">
        <span className="license-meter-used" style={{ width: `${(withinCount * 100) / scale}%` }} />
        {over && <span className="license-meter-over" style={{ width: `${(overview.overBy * 100) / scale}%` }} />}
        {over && <span className="license-meter-limit" style={{ left: `${(overview.licenseCount * 100) / scale}%` }} />}
      </div>
      {over && (
        <p className="license-meter-note">
          Over-subscribed by {overview.overBy.toLocaleString('en-US')}: the {overview.licenseCount.toLocaleString('en-US')} licences go to the earliest-activated assets;
          the {overview.overBy.toLocaleString('en-US')} activated last are unlicensed and jobs skip them.
        </p>
      )}
    </div>
  )
}
