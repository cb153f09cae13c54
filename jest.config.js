// Two projects: unit specs beside the code (no I/O) and integration specs under tests/
// that talk to the real Kafka broker and PostgreSQL started by scripts/test.
const swcTransform = [
  '@swc/jest',
  {
    swcrc: false,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  testEnvironment: 'node',
  // NestJS 12 ships ES modules only; Jest's CommonJS runtime on Node 20 cannot require()
  // them, so they (and franc-min's ESM-only family) are compiled to CommonJS like our code.
  transform: { '^.+\\.(t|j)s$': swcTransform },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|franc-min|trigram-utils|n-gram|collapse-white-space)/)',
  ],
  moduleNameMapper: { '^@switchboard/([a-z-]+)$': '<rootDir>/libs/$1/src' },
};

module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
    },
  ],
};
