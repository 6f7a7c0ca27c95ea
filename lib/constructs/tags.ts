/** Tags as the provider wants them: absent rather than `{}`, so states written without tags stay unchanged. */
export function nonEmpty(tags: Readonly<Record<string, string>> | undefined): Record<string, string> | undefined {
  return tags && Object.keys(tags).length > 0 ? { ...tags } : undefined;
}

/** `tags` plus `Name` = `name` when `nameTags` is on (opt-in: the article's resources carry no tags). */
export function tagsNamed(
  tags: Readonly<Record<string, string>> | undefined,
  name: string,
  nameTags: boolean | undefined,
): Record<string, string> | undefined {
  return nonEmpty(nameTags ? { ...tags, Name: name } : tags);
}
