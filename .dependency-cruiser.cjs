// The layer table of docs/ARCHITECTURE.md, checked by dependency-cruiser (`npm run lint:layers`,
// part of `npm run lint` and so of .ci/run). Type-only imports count: a type is a dependency too.
// test/unit/layers.test.ts plants a forbidden import in a copy of the tree and expects a failure.

/** Packages the domain may use: pure computation, no I/O. */
const PURE_PACKAGES = ['zod', 'chrono-node', 'chinese-days'];

const npmPath = (names) => `(^|/)node_modules/(${names.join('|')})/`;

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No cycles anywhere: split the shared part into a file both import.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'src/domain imports nothing outside src/domain but pure packages: no node: modules, no I/O libraries.',
      from: { path: '^src/domain/' },
      to: { pathNot: [`^src/domain/`, npmPath(PURE_PACKAGES)] },
    },
    {
      name: 'application-imports-domain-ports-cards',
      severity: 'error',
      comment:
        'A use-case reaches I/O through ports only: it imports src/domain, src/ports, cards and pure packages.',
      from: { path: '^src/application/' },
      to: {
        pathNot: ['^src/(application|domain|ports)/', '^cards/', npmPath(PURE_PACKAGES)],
      },
    },
    {
      name: 'ports-import-domain',
      severity: 'error',
      comment: 'Ports are interfaces over domain types (and the neutral card model).',
      from: { path: '^src/ports/' },
      to: { pathNot: ['^src/(ports|domain)/', '^cards/', npmPath(PURE_PACKAGES)] },
    },
    {
      name: 'cards-import-domain',
      severity: 'error',
      comment: 'Cards are pure renderers over domain types.',
      from: { path: '^cards/' },
      to: { pathNot: ['^cards/', '^src/domain/', npmPath(PURE_PACKAGES)] },
    },
    {
      name: 'adapters-not-infra-application',
      severity: 'error',
      comment:
        'A platform adapter maps wire formats to ports: it imports src/ports, cards and src/domain, never src/infra, src/application or src/main.',
      from: { path: '^adapters/' },
      to: { path: '^src/(infra|application|main)/' },
    },
    {
      name: 'only-main-wires',
      severity: 'error',
      comment: 'src/main is the composition root: nothing imports it.',
      from: { path: '^(src|adapters|cards)/', pathNot: '^src/main/' },
      to: { path: '^src/main/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve cannot be checked.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
