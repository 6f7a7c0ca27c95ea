/** Tags as the provider wants them: absent rather than `{}`, so states written without tags stay unchanged. */
export function nonEmpty(tags: Readonly<Record<string, string>> | undefined): Record<string, string> | undefined {
  return tags && Object.keys(tags).length > 0 ? { ...tags } : undefined;
}
