'use client'
// The wizard's list of steps: where the user is, and a way to jump (forward jumps check the current step first).
import { STEP_TITLES, type WizardStep } from './form-model'

export function WizardNav({ steps, current, onGo }: { steps: WizardStep[]; current: WizardStep; onGo: (step: WizardStep) => void }) {
  const index = steps.indexOf(current)
  return (
    <nav aria-label="Wizard steps">
      <ol className="wizard-steps">
        {steps.map((step, position) => (
          <li key={step} className={position < index ? 'done' : position === index ? 'current' : undefined}>
            <button type="button" className="wizard-step-link" aria-current={step === current ? 'step' : undefined} onClick={() => onGo(step)}>
              <span className="wizard-step-number" aria-hidden="true">
                {position + 1}
              </span>
              {STEP_TITLES[step]}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  )
}
