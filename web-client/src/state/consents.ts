// How a party's own consent to a third party reads on its case card. Pure, unit-tested.

/** `consented` as the server keeps it: true, false (withdrawn), or null (not said yet). */
export function consentInWords(consented: boolean | null): string {
  if (consented === true) return "you consented";
  if (consented === false) return "you withdrew your consent: they may not enter any room";
  return "waiting for your consent: they may not enter any room yet";
}
