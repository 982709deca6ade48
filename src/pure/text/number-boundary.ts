/**
 * A phrase that starts with a digit does not stand where a longer number goes on before it
 * (`9条` is not in `29条` or `1.9条`): no digit or decimal point may precede it. One rule for the
 * marking plugins (src/build-time/markdown/mark-phrases.ts) and the entry checks' counts
 * (src/build-time/checks/occurrences.ts).
 */
export const startsWithDigit = (phrase: string) => /^\d/.test(phrase);

/** What may not come right before a phrase that starts with a digit. */
export const NUMBER_CHARACTER = /[\d.]/;
