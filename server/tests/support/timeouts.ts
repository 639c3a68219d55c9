// Each test file starts its own database, and PGlite takes a few seconds to boot on a busy two-core machine.
jest.setTimeout(30_000);
