/** SARIF's checkout-specific values (repository, commit, branch, folder) replaced by placeholders. */
export function withoutCheckout(text: string): string;
