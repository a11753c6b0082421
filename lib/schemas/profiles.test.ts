// How a profile's interval reads on the list: "Every 6 h", and after the Free fallback what it was and why.
import { describe, expect, it } from 'vitest'
import { describeInterval, describeLoweredInterval, profileForm } from './profiles'

describe('profile intervals in words', () => {
  it('reads an interval as "Every N h"', () => {
    expect(describeInterval(6)).toBe('Every 6 h')
    expect(describeLoweredInterval({ intervalHours: 24, lowered: null })).toBe('Every 24 h')
  })

  it('says what a lowered interval was and why, the reason read on as a clause', () => {
    const note = 'The subscription fell back to Free on 2026-12-02 (the trial ended on 2026-12-01)'
    expect(describeLoweredInterval({ intervalHours: 24, lowered: { fromHours: 6, note } })).toBe(
      'Every 24 h — was 6 h; the subscription fell back to Free on 2026-12-02 (the trial ended on 2026-12-01)',
    )
    expect(describeLoweredInterval({ intervalHours: 24, lowered: { fromHours: 4, note: 'QA lowered it' } })).toBe('Every 24 h — was 4 h; QA lowered it')
  })
})

describe('the create/edit form', () => {
  it('reads comma-separated tags and a typed interval with the API rules', () => {
    expect(profileForm.parse({ name: ' Servers ', tags: 'Servers, Site-Berlin,, Servers', intervalHours: '6' })).toEqual({ name: 'Servers', tags: ['Servers', 'Site-Berlin'], intervalHours: 6 })
    const refused = profileForm.safeParse({ name: '', tags: ' , ', intervalHours: '6.5' })
    expect(refused.success).toBe(false)
    expect(refused.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['intervalHours', 'name', 'tags'])
  })
})
