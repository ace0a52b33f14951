// The shape of the tier-1 provider samples (see ./index.ts).

/** A value to test, optionally with the name it is assigned to and the source around it (some formats need a hint). */
export type SecretSample = string | { value: string; sinkName?: string; textBefore?: string; textAfter?: string };

export interface SecretProviderSamples {
  positive: readonly SecretSample[];
  negative: readonly SecretSample[];
}
