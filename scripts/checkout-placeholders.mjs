// SARIF names the checkout it ran in (repository, commit, branch, folder), which changes with every
// commit: docs samples and golden files show these placeholders instead.
export function withoutCheckout(text) {
  return text
    .replace(/("repositoryUri": )"[^"]*"/g, '$1"<the origin remote, or the checkout folder>"')
    .replace(/("revisionId": )"[^"]*"/g, '$1"<the commit checked out>"')
    .replace(/("branch": )"[^"]*"/g, '$1"<the branch checked out>"')
    .replace(/("SRCROOT": \{\s*"uri": )"[^"]*"/g, '$1"file:///path/to/checkout/"');
}
