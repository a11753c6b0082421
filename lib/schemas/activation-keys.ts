// Input schema of activation-key creation: pure zod, shared by the API route and the browser form.
import { z } from 'zod'

const keyTags = z.array(z.string().trim().min(1, 'a tag must not be empty').max(256)).max(50, 'A key carries at most 50 tags.')

export const createActivationKeyInput = z.object({
  title: z.string().trim().max(200).default(''),
  tags: keyTags.default([]),
})

/** The form's comma-separated tags field as the list the API takes ("a, b,, c" → ["a", "b", "c"]). */
export function splitTags(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()).filter((tag) => tag.length > 0))]
}

/** The creation form: tags typed comma-separated, then checked with the API's own tag rules. */
export const activationKeyForm = z.object({
  title: createActivationKeyInput.shape.title,
  tags: z.string().transform(splitTags).pipe(keyTags),
})
